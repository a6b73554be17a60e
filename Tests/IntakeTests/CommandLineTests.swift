import Foundation
import Testing

/// The `kirameki-intake convert` executable as a user runs it: options, report and exit codes.
@Suite struct CommandLineTests {
  /// `swift test` builds every product next to the test bundle.
  static let executable: String = {
    let folder = Bundle.main.bundleURL.deletingLastPathComponent().path
    let candidates = [folder + "/kirameki-intake", Paths.repository + "/.build/debug/kirameki-intake"]
    return candidates.first { FileManager.default.isExecutableFile(atPath: $0) } ?? candidates[0]
  }()

  func run(_ arguments: [String], input: String? = nil) throws -> (status: Int32, output: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: Self.executable)
    process.arguments = arguments
    let output = Pipe()
    process.standardOutput = output
    process.standardError = output
    let stdin = Pipe()
    process.standardInput = stdin
    try process.run()
    if let input { stdin.fileHandleForWriting.write(Data(input.utf8)) }
    try stdin.fileHandleForWriting.close()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: data, as: UTF8.self))
  }

  func common(_ root: String) -> [String] {
    [
      "convert", "--root", Paths.repository, "--content", root + "/content", "--private", root + "/private",
      "--now", "2026-11-25T12:00:00+09:00",
    ]
  }

  @Test func jsonReportAndExitCodeForSomeRejected() throws {
    let root = try temporaryFolder()
    let (status, output) = try run(common(root) + ["--form", "need", "--json", Paths.fixtures + "/excel-cp932.csv"])
    #expect(status == 1)
    let report = try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any]
    #expect((report?["summary"] as? [String: Int])?["written"] == 2)
    #expect(filesBelow(root + "/content/needs").count == 2)
  }

  @Test func standardInputAndExitCodeZero() throws {
    let root = try temporaryFolder()
    let (status, output) = try run(
      common(root) + ["--form", "need", "-"], input: "title=%E5%86%85%E8%A6%96%E9%8F%A1&confidentiality=public\n")
    #expect(status == 0, "\(output)")
    #expect(output.contains("-:1 record 1: written \(root)/content/needs/2026-11-25-"))
  }

  @Test func unreadableInputIs2AndUsageErrorsAre64() throws {
    let root = try temporaryFolder()
    #expect(try run(common(root) + ["--form", "need", root + "/missing.csv"]).status == 2)
    #expect(try run(common(root) + ["--form", "nope", Paths.fixtures + "/need.urlencoded"]).status == 64)
    #expect(
      try run(common(root) + ["--form", "need", "--now", "yesterday", Paths.fixtures + "/need.urlencoded"]).status == 64
    )
    let inside = ["convert", "--form", "need", "--content", root + "/content", "--private", root + "/content/p"]
    #expect(try run(inside + [Paths.fixtures + "/need.urlencoded"]).status == 64)
    #expect(filesBelow(root).isEmpty)
  }
}
