import Foundation
import Render
import Testing

@testable import Emit

@Suite struct SiteWriterTests {
  func temporaryFolder() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("kirameki-emit-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }

  @Test func replacesThePreviousSiteWhole() throws {
    let root = try temporaryFolder()
    let out = root.appendingPathComponent("site").path
    try SiteWriter.write(
      [OutputFile(path: "index.html", text: "one"), OutputFile(path: "old/index.html", text: "x")], root: root.path,
      to: out)
    try SiteWriter.write([OutputFile(path: "index.html", text: "two")], root: root.path, to: out)
    #expect(try String(contentsOfFile: out + "/index.html", encoding: .utf8) == "two")
    #expect(!FileManager.default.fileExists(atPath: out + "/old"), "nothing of the old site is left behind")
    let leftovers = try FileManager.default.contentsOfDirectory(atPath: root.path).filter { $0 != "site" }
    #expect(leftovers.isEmpty, "no staging folders remain: \(leftovers)")
  }

  @Test func refusesToReplaceAFolderItDidNotWrite() throws {
    let root = try temporaryFolder()
    let out = root.appendingPathComponent("precious")
    try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
    try Data("keep".utf8).write(to: out.appendingPathComponent("notes.txt"))
    #expect(throws: SiteWriter.Failure.self) {
      try SiteWriter.write([OutputFile(path: "index.html", text: "x")], root: root.path, to: out.path)
    }
    #expect(try String(contentsOf: out.appendingPathComponent("notes.txt"), encoding: .utf8) == "keep")
  }

  @Test func aFailedWriteLeavesThePreviousSite() throws {
    let root = try temporaryFolder()
    let out = root.appendingPathComponent("site").path
    try SiteWriter.write([OutputFile(path: "index.html", text: "good")], root: root.path, to: out)
    #expect(throws: (any Error).self) {
      try SiteWriter.write(
        [OutputFile(path: "index.html", text: "new"), OutputFile(path: "img.png", copyOf: "content/missing.png")],
        root: root.path, to: out)
    }
    #expect(try String(contentsOfFile: out + "/index.html", encoding: .utf8) == "good")
  }
}
