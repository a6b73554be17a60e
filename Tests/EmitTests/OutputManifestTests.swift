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

  /// Identities taken when the files were written are recorded as given; only the other paths
  /// (folders, files without one) are read.
  @Test func knownIdentitiesAreRecordedAsGiven() throws {
    let (out, manifest) = try writtenSite()
    let files = manifest.entries.map(\.path).filter { !$0.isEmpty && !$0.hasSuffix("/") }
    let identities = Dictionary(uniqueKeysWithValues: manifest.entries.map { ($0.path, $0.identity) })
    var known = files.map { identities[$0] }
    #expect(OutputManifest.capture(folder: out, files: files, known: known) == manifest)
    let first = try #require(known.first ?? nil)
    known[0] = OutputManifest.Identity(inode: first.inode, size: first.size + 1, modified: 0, changed: 0)
    known[known.count - 1] = nil
    let recorded = try #require(OutputManifest.capture(folder: out, files: files, known: known))
    #expect(recorded.entries.first { $0.path == files[0] }?.identity == known[0], "taken as given, not read")
    #expect(
      recorded.entries.first { $0.path == files[files.count - 1] }?.identity == identities[files[files.count - 1]])
    #expect(recorded.entries.map(\.path) == manifest.entries.map(\.path))
    #expect(!recorded.matches(folder: out))
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
