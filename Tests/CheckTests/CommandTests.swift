import ArgumentParser
import Foundation
import KiramekiCLI
import Testing

/// The documented exit codes of `kirameki check` and `kirameki new`.
@Suite struct CommandTests {
  func exitCode(_ arguments: [String]) throws -> Int32 {
    var command = try Kirameki.parseAsRoot(arguments)
    do {
      try command.run()
      return 0
    } catch let exit as ExitCode {
      return exit.rawValue
    }
  }

  @Test func checkExitsOneOnErrorsAndZeroOnWarningsUnlessStrict() throws {
    let now = "2026-11-25T12:00:00+09:00"
    #expect(try exitCode(["check", "--root", Paths.checkSite, "--themes", Paths.themes, "--now", now]) == 1)
    let root = try copyOfSite(Paths.checkSite)
    try FileManager.default.removeItem(atPath: root + "/content/pages/links.ja.md")
    #expect(try exitCode(["check", "--root", root, "--themes", Paths.themes, "--now", now]) == 0)
    #expect(
      try exitCode(["check", "--root", root, "--themes", Paths.themes, "--now", now, "--strict", "--format", "json"])
        == 1)
  }

  @Test func newWritesAFreshDraftAndNeverOverwrites() throws {
    let root = try copyOfSite(Paths.checkSite)
    #expect(try exitCode(["new", "need", "内視鏡の曇り", "--root", root, "--now", "2026-11-25"]) == 0)
    let files = try FileManager.default.contentsOfDirectory(atPath: root + "/content/needs").filter {
      $0.hasPrefix("2026-11-25-")
    }
    #expect(files.count == 1)
    #expect(files.first?.hasSuffix(".ja.md") == true)
    let existing = try String(contentsOfFile: root + "/content/needs/old-posting.ja.md", encoding: .utf8)
    #expect(throws: ValidationError.self) { try exitCode(["new", "need", "x", "--root", root, "--id", "old-posting"]) }
    #expect(try String(contentsOfFile: root + "/content/needs/old-posting.ja.md", encoding: .utf8) == existing)
    #expect(throws: ValidationError.self) { try exitCode(["new", "semniar", "--root", root]) }
  }
}
