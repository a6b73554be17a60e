import Diagnostics
import Foundation
import Pipeline
import Testing

/// Each folder under `Tests/Fixtures/errors/` is a small site with one kind of mistake; its
/// `expected.txt` holds the exact diagnostics a build prints.
@Suite struct ErrorFixtureTests {
  static let cases: [String] = {
    let folder = Paths.fixtures + "/errors"
    return ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted()
  }()

  @Test func thereAreErrorFixtures() {
    #expect(Self.cases.count >= 5)
  }

  @Test(arguments: cases)
  func diagnosticsMatchExpectedText(name: String) throws {
    let root = Paths.fixtures + "/errors/" + name
    let result = Build.render(options(root: root))
    let printed = DiagnosticFormatter.format(result.diagnostics)
    let expectedPath = root + "/expected.txt"
    if ProcessInfo.processInfo.environment["KIRAMEKI_UPDATE_FIXTURES"] == "1" {
      try Data((printed + "\n").utf8).write(to: URL(fileURLWithPath: expectedPath))
    }
    let expected = try String(contentsOfFile: expectedPath, encoding: .utf8)
    #expect(printed + "\n" == expected)
    #expect(result.diagnostics.hasErrors)
    #expect(result.files.isEmpty)
  }

  @Test func aBrokenFieldLeavesThePreviousSiteUntouched() throws {
    let work = try temporaryFolder()
    let root = work + "/hub"
    try FileManager.default.copyItem(atPath: Paths.fixtures + "/sites/basic", toPath: root)
    try? FileManager.default.removeItem(atPath: root + "/expected")
    let output = work + "/site"
    let first = Build.run(options(root: root, output: output))
    #expect(first.wrote)
    let before = try readTree(output)

    let path = root + "/content/seminars/dojo-laser-1.ja.md"
    let text = try String(contentsOfFile: path, encoding: .utf8)
    try Data(text.replacingOccurrences(of: "attendance: mixed", with: "attendance: hybrid").utf8)
      .write(to: URL(fileURLWithPath: path))
    let second = Build.run(options(root: root, output: output))
    #expect(!second.wrote)
    #expect(
      DiagnosticFormatter.format(second.diagnostics.filter { $0.severity == .error }) == """
        content/seminars/dojo-laser-1.ja.md:6:13: error: 'hybrid' is not an allowed value of 'attendance'
            attendance: hybrid
                        ^
          hint: allowed values: offline, online, mixed
        """)
    #expect(try readTree(output) == before)
  }
}
