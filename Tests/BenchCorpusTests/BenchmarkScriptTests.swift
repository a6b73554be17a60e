import TestSupport
import Testing

/// The benchmark's helper (`Benchmarks/build/bench.py`: parsing `/usr/bin/time -v` and the stage
/// lines, medians, ratios, the kernel share, the chart) and the Hugo site it compares with have
/// Python tests of their own; they run here so that a change breaking them fails the suite.
@Suite struct BenchmarkScriptTests {
  @Test(arguments: ["test_bench.py", "test_hugo_site.py"])
  func theBenchmarkScriptsTestsPass(file: String) throws {
    let result = try #require(runTool(["python3", Paths.repository + "/Benchmarks/build/" + file]))
    #expect(result.status == 0, "\(result.output.suffix(4000))")
    #expect(result.output.contains("\nOK"), "\(result.output.suffix(4000))")
  }
}
