import Foundation
import Testing

/// The `kirameki` executable as a user runs it. It links jemalloc, which the test bundle does not,
/// and gives freed memory back through it between stages: its output must be the same.
@Suite struct ExecutableBuildTests {
  @Test func theExecutableBuildsTheBasicSiteIntoExactlyTheExpectedFiles() throws {
    let binary = try Executable.require(
      "kirameki", modules: ["Render", "Search", "Feeds", "Emit", "Pipeline", "KiramekiCLI", "kirameki"])
    // A copy of the fixture with the repository's theme beside it, as a site root has it.
    let fixture = Paths.fixtures + "/sites/basic"
    let root = try temporaryFolder()
    defer { try? FileManager.default.removeItem(atPath: root) }
    for name in ["content", "kirameki.yaml"] {
      try FileManager.default.copyItem(atPath: fixture + "/" + name, toPath: root + "/" + name)
    }
    try FileManager.default.createSymbolicLink(atPath: root + "/themes", withDestinationPath: Paths.themes)
    let site = root + "/site"
    let build = try run(binary, ["build", "--root", root, "--out", site, "--now", "2026-11-25T12:00:00+09:00"])
    #expect(build.status == 0, "\(build.errors.suffix(2000))")
    // The dynamic linker's log of a short run says which library `malloc` binds to (a whole
    // build's log would run to megabytes).
    let bindings = try run(binary, ["--help"], environment: ["LD_DEBUG": "bindings"])
    #expect(bindings.errors.contains("libjemalloc.so.2 [0]: normal symbol `malloc'"), "malloc is not jemalloc's")

    #expect(!build.errors.contains("flushed to the disk"), "only --durable flushes")
    // The same site again with --durable, which flushes it to the disk before putting it in place.
    let durableSite = root + "/site-durable"
    let durable = try run(
      binary, ["build", "--root", root, "--out", durableSite, "--now", "2026-11-25T12:00:00+09:00", "--durable"])
    #expect(durable.status == 0, "\(durable.errors.suffix(2000))")
    #expect(durable.errors.contains("flushed to the disk in"), "\(durable.errors.suffix(500))")

    let expected = try readTree(fixture + "/expected")
    for folder in [site, durableSite] {
      var built = try readTree(folder)
      built[".kirameki-site"] = nil
      #expect(built.keys.sorted() == expected.keys.sorted(), "\(folder)")
      for (path, data) in expected where built[path] != data {
        Issue.record("\(path) differs from the expected output in \(folder)")
      }
    }
  }

  private func run(_ binary: String, _ arguments: [String], environment: [String: String] = [:]) throws -> (
    status: Int32, errors: String
  ) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: binary)
    process.arguments = arguments
    process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
    let errors = Pipe()
    process.standardError = errors
    process.standardOutput = FileHandle.nullDevice
    try process.run()
    let text = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    return (process.terminationStatus, text)
  }
}
