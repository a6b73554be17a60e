import Foundation
import Render
import Testing

@testable import Emit

@Suite struct OutputManifestTests {
  func writtenSite() throws -> (String, OutputManifest) {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("kirameki-manifest-\(UUID().uuidString)")
      .path
    let out = root + "/site"
    let summary = try SiteWriter.write(
      [OutputFile(path: "index.html", text: "home"), OutputFile(path: "a/b/index.html", text: "page")], root: root,
      to: out)
    let manifest = try #require(OutputManifest.capture(folder: out, files: summary.paths + [SiteWriter.marker]))
    return (out, manifest)
  }

  @Test func anUntouchedOutputMatches() throws {
    let (out, manifest) = try writtenSite()
    #expect(manifest.matches(folder: out))
    #expect(manifest.entries.map(\.path).contains("a/b/"), "folders are recorded, so added files are noticed")
  }

  @Test func theTextFormRoundTrips() throws {
    let (out, manifest) = try writtenSite()
    let parsed = try #require(OutputManifest(text: manifest.text))
    #expect(parsed == manifest)
    #expect(parsed.matches(folder: out))
    #expect(OutputManifest(text: "12 x 3 4 index.html\n") == nil)
  }

  @Test func aRewrittenFileOfTheSameSizeDoesNotMatch() throws {
    let (out, manifest) = try writtenSite()
    try Data("HOME".utf8).write(to: URL(fileURLWithPath: out + "/index.html"))
    #expect(!manifest.matches(folder: out))
  }

  @Test func aDeletedFileDoesNotMatch() throws {
    let (out, manifest) = try writtenSite()
    try FileManager.default.removeItem(atPath: out + "/a/b/index.html")
    #expect(!manifest.matches(folder: out))
  }

  @Test func anAddedFileDoesNotMatch() throws {
    let (out, manifest) = try writtenSite()
    try Data("stray".utf8).write(to: URL(fileURLWithPath: out + "/a/stray.html"))
    #expect(!manifest.matches(folder: out))
  }

  @Test func aFileWithItsTimesSetBackDoesNotMatch() throws {
    let (out, manifest) = try writtenSite()
    let path = out + "/index.html"
    let modified = try #require(FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date)
    let handle = try #require(FileHandle(forUpdatingAtPath: path))
    try handle.write(contentsOf: Data("HOME".utf8))
    try handle.close()
    try FileManager.default.setAttributes([.modificationDate: modified], ofItemAtPath: path)
    #expect(!manifest.matches(folder: out), "the change time still moved")
  }
}
