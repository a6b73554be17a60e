import Foundation
import Testing

@testable import Pipeline

@Suite struct InputFilesTests {
  @Test func aLinkBackUpTheTreeIsListedOnce() throws {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("kirameki-inputs-\(UUID().uuidString)")
      .path
    try FileManager.default.createDirectory(atPath: root + "/content/news", withIntermediateDirectories: true)
    try Data("a".utf8).write(to: URL(fileURLWithPath: root + "/content/news/a.ja.md"))
    try FileManager.default.createSymbolicLink(atPath: root + "/content/news/loop", withDestinationPath: "..")
    try FileManager.default.createSymbolicLink(atPath: root + "/content/up", withDestinationPath: root + "/content")
    #expect(InputFiles.list(root + "/content") == ["news/a.ja.md"])
  }
}
