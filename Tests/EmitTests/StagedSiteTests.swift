import Foundation
import Render
import Testing

@testable import Emit

@Suite struct StagedSiteTests {
  func temporaryFolder() throws -> String {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("kirameki-emit-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url.path
  }

  func inode(_ path: String) throws -> UInt64 {
    let attributes = try FileManager.default.attributesOfItem(atPath: path)
    return try #require(attributes[.systemFileNumber] as? UInt64)
  }

  func text(_ path: String) throws -> String {
    try String(contentsOfFile: path, encoding: .utf8)
  }

  @Test func unchangedFilesAreKeptAndChangedOnesWritten() throws {
    let root = try temporaryFolder()
    let out = root + "/site"
    try SiteWriter.write(
      [
        OutputFile(path: "same/index.html", text: "same"), OutputFile(path: "edited/index.html", text: "before"),
        OutputFile(path: "resized.html", text: "short"), OutputFile(path: "gone.html", text: "x"),
      ], root: root, to: out)
    let sameInode = try inode(out + "/same/index.html")
    let editedInode = try inode(out + "/edited/index.html")

    let summary = try SiteWriter.write(
      [
        OutputFile(path: "same/index.html", text: "same"), OutputFile(path: "edited/index.html", text: "after!"),
        OutputFile(path: "resized.html", text: "much longer"), OutputFile(path: "new/deep/file.txt", text: "new"),
      ], root: root, to: out)

    #expect(summary.reused == 1)
    #expect(summary.paths.sorted() == ["edited/index.html", "new/deep/file.txt", "resized.html", "same/index.html"])
    #expect(try inode(out + "/same/index.html") == sameInode, "an unchanged file is not written again")
    #expect(try inode(out + "/edited/index.html") != editedInode)
    #expect(try text(out + "/same/index.html") == "same")
    #expect(try text(out + "/edited/index.html") == "after!")
    #expect(try text(out + "/resized.html") == "much longer")
    #expect(try text(out + "/new/deep/file.txt") == "new")
    #expect(!FileManager.default.fileExists(atPath: out + "/gone.html"))
    let leftovers = try FileManager.default.contentsOfDirectory(atPath: root).filter { $0 != "site" }
    #expect(leftovers.isEmpty, "the old tree and the staging folder are gone: \(leftovers)")
  }

  /// Files added below one folder and moved to another end up there, in a new site and over a
  /// previous one (where a moved file with the old bytes is written again, not kept).
  @Test func filesMovedToAnotherFolderAreCommittedThere() throws {
    let root = try temporaryFolder()
    let out = root + "/site"
    for previous in ["none", "same", "different"] {
      try? FileManager.default.removeItem(atPath: out)
      if previous != "none" {
        try SiteWriter.write(
          [
            OutputFile(path: "s/final/t/0.gz", text: previous == "same" ? "zero" : "old"),
            OutputFile(path: "s/old/t/0.gz", text: "gone"), OutputFile(path: "index.html", text: "home"),
          ], root: root, to: out)
      }
      let staged = try StagedSite(root: root, output: out)
      try staged.add([OutputFile(path: "s/.wip/t/0.gz", text: "zero"), OutputFile(path: "s/.wip/t/1.gz", text: "one")])
      try staged.add([OutputFile(path: "index.html", text: "home")])
      try staged.moveFolder(from: "s/.wip/", to: "s/final/")
      #expect(throws: SiteWriter.Failure.self) { try staged.moveFolder(from: "s/x/", to: "s/final/") }
      #expect(throws: SiteWriter.Failure.self) { try staged.moveFolder(from: "s/x", to: "s/y/") }
      try staged.add([OutputFile(path: "s/manifest.json", text: "{}")])
      let summary = try staged.commit()
      #expect(
        summary.paths.sorted() == ["index.html", "s/final/t/0.gz", "s/final/t/1.gz", "s/manifest.json"], "\(previous)")
      #expect(try text(out + "/s/final/t/0.gz") == "zero")
      #expect(try text(out + "/s/final/t/1.gz") == "one")
      #expect(!FileManager.default.fileExists(atPath: out + "/s/.wip"), "\(previous)")
      #expect(!FileManager.default.fileExists(atPath: out + "/s/old"), "\(previous)")
      #expect(summary.reused == (previous == "none" ? 0 : 1), "only index.html is kept: \(previous)")
    }
  }

  @Test func aDiscardedStagingLeavesThePreviousSiteAsItWas() throws {
    let root = try temporaryFolder()
    let out = root + "/site"
    try SiteWriter.write(
      [OutputFile(path: "a/index.html", text: "kept"), OutputFile(path: "b.html", text: "old")], root: root, to: out)
    let staged = try StagedSite(root: root, output: out)
    try staged.add([OutputFile(path: "a/index.html", text: "kept"), OutputFile(path: "b.html", text: "new")])
    staged.discard()
    #expect(try text(out + "/a/index.html") == "kept")
    #expect(try text(out + "/b.html") == "old")
    let leftovers = try FileManager.default.contentsOfDirectory(atPath: root).filter { $0 != "site" }
    #expect(leftovers.isEmpty, "\(leftovers)")
  }

  @Test func aPathGivenTwiceIsAnErrorAndChangesNothing() throws {
    let root = try temporaryFolder()
    let out = root + "/site"
    try SiteWriter.write([OutputFile(path: "index.html", text: "old")], root: root, to: out)
    let staged = try StagedSite(root: root, output: out)
    try staged.add([OutputFile(path: "index.html", text: "old")])
    #expect(throws: SiteWriter.Failure.self) { try staged.add([OutputFile(path: "index.html", text: "new")]) }
    staged.discard()
    #expect(try text(out + "/index.html") == "old")
  }

  @Test func aFolderAndAFileMayTradePlaces() throws {
    let root = try temporaryFolder()
    let out = root + "/site"
    try SiteWriter.write(
      [OutputFile(path: "a", text: "file"), OutputFile(path: "b/index.html", text: "in a folder")], root: root, to: out)
    try SiteWriter.write(
      [OutputFile(path: "a/index.html", text: "now a folder"), OutputFile(path: "b", text: "now a file")], root: root,
      to: out)
    #expect(try text(out + "/a/index.html") == "now a folder")
    #expect(try text(out + "/b") == "now a file")
  }

  @Test func foldersEmptiedByTheNewSiteAreRemoved() throws {
    let root = try temporaryFolder()
    let out = root + "/site"
    try SiteWriter.write(
      [OutputFile(path: "x/y/z/index.html", text: "deep"), OutputFile(path: "index.html", text: "home")], root: root,
      to: out)
    try SiteWriter.write([OutputFile(path: "index.html", text: "home")], root: root, to: out)
    #expect(try FileManager.default.contentsOfDirectory(atPath: out).sorted() == [SiteWriter.marker, "index.html"])
  }

  @Test func filesAreWrittenInParallelBatchesWithTheirFolders() throws {
    let root = try temporaryFolder()
    let out = root + "/site"
    let files = (0..<500).map { OutputFile(path: "s\($0 % 7)/p\($0)/index.html", text: "page \($0)") }
    let staged = try StagedSite(root: root, output: out)
    try staged.add(Array(files[..<250]))
    try staged.add(Array(files[250...]))
    let summary = try staged.commit()
    #expect(summary.paths.count == 500)
    for index in [0, 249, 250, 499] {
      #expect(try text(out + "/s\(index % 7)/p\(index)/index.html") == "page \(index)")
    }
  }

  @Test func copiedFilesAreComparedByTheirBytesToo() throws {
    let root = try temporaryFolder()
    try FileManager.default.createDirectory(atPath: root + "/content", withIntermediateDirectories: true)
    try Data("image".utf8).write(to: URL(fileURLWithPath: root + "/content/a.png"))
    let out = root + "/site"
    try SiteWriter.write([OutputFile(path: "a.png", copyOf: "content/a.png")], root: root, to: out)
    let first = try inode(out + "/a.png")
    let again = try SiteWriter.write([OutputFile(path: "a.png", copyOf: "content/a.png")], root: root, to: out)
    #expect(again.reused == 1)
    #expect(try inode(out + "/a.png") == first)
    try Data("imagf".utf8).write(to: URL(fileURLWithPath: root + "/content/a.png"))
    let changed = try SiteWriter.write([OutputFile(path: "a.png", copyOf: "content/a.png")], root: root, to: out)
    #expect(changed.reused == 0)
    #expect(try text(out + "/a.png") == "imagf")
  }

  @Test func stagingLeftByAKilledBuildIsRemoved() throws {
    let root = try temporaryFolder()
    // A pid above the kernel's limit (4194304) never runs.
    let abandoned = root + "/.site.staging-9999999"
    try FileManager.default.createDirectory(atPath: abandoned + "/deep", withIntermediateDirectories: true)
    try SiteWriter.write([OutputFile(path: "index.html", text: "x")], root: root, to: root + "/site")
    #expect(!FileManager.default.fileExists(atPath: abandoned))
  }

  /// A folder of the old site that is a link elsewhere is not part of the site: files below it
  /// are written into a real folder, even when the linked files hold the same bytes.
  @Test func filesBehindALinkedFolderAreWrittenNotKept() throws {
    let root = try temporaryFolder()
    let out = root + "/site"
    try SiteWriter.write([OutputFile(path: "index.html", text: "home")], root: root, to: out)
    let elsewhere = root + "/elsewhere"
    try FileManager.default.createDirectory(atPath: elsewhere, withIntermediateDirectories: true)
    try Data("post".utf8).write(to: URL(fileURLWithPath: elsewhere + "/a.html"))
    try FileManager.default.createSymbolicLink(atPath: out + "/posts", withDestinationPath: elsewhere)

    let summary = try SiteWriter.write(
      [OutputFile(path: "index.html", text: "home"), OutputFile(path: "posts/a.html", text: "post")], root: root,
      to: out)

    #expect(summary.reused == 1)
    let kind = try FileManager.default.attributesOfItem(atPath: out + "/posts")[.type] as? FileAttributeType
    #expect(kind == .typeDirectory)
    #expect(try text(out + "/posts/a.html") == "post")
    #expect(try text(elsewhere + "/a.html") == "post", "the link's target is left alone")
  }

  /// The manifest a recording commit returns is the one a fresh capture of the output gives, for
  /// a new site (read before the staging folder is renamed into place) and for an update.
  @Test func aRecordingCommitReturnsTheCommittedOutputsManifest() throws {
    let root = try temporaryFolder()
    let out = root + "/site"
    for (round, files) in [
      [OutputFile(path: "index.html", text: "home"), OutputFile(path: "a/b/index.html", text: "page")],
      [OutputFile(path: "index.html", text: "home"), OutputFile(path: "c/index.html", text: "new")],
      [OutputFile(path: "index.html", text: "home"), OutputFile(path: "d/index.html", text: "durable")],
    ].enumerated() {
      // The last round makes a new site again, and flushes it while the manifest is read.
      let noFlush: (@Sendable (String) -> Void)? = nil
      let flush = round == 2 ? StagedSiteTests.ignoredFlush : noFlush
      if round == 2 { try FileManager.default.removeItem(atPath: out) }
      let staged = try StagedSite(root: root, output: out, flush: flush)
      try staged.add(files)
      let summary = try staged.commit(recording: true)
      let recorded = try #require(summary.manifest, "round \(round)")
      let fresh = try #require(OutputManifest.capture(folder: out, files: summary.paths + [SiteWriter.marker]))
      #expect(recorded == fresh, "round \(round)")
      #expect(recorded.matches(folder: out), "round \(round)")
      #expect(recorded.entries.first?.path == "", "the output folder itself is recorded")
    }
    let flushes: [(@Sendable (String) -> Void)?] = [nil, Self.ignoredFlush]
    for flush in flushes {
      try? FileManager.default.removeItem(atPath: root + "/other")
      let staged = try StagedSite(root: root, output: root + "/other", flush: flush)
      try staged.add([OutputFile(path: "x.html", text: "x")])
      #expect(try staged.commit().manifest == nil, "nothing is read unless asked for")
    }
  }

  static let ignoredFlush: (@Sendable (String) -> Void)? = { _ in }

  /// What a flush saw of the staging folder and the output when it was called.
  final class Flushes: @unchecked Sendable {
    private let lock = NSLock()
    private var seen: [(staged: [String], output: String?)] = []

    func record(_ folder: String, output: String) {
      let staged = (try? FileManager.default.subpathsOfDirectory(atPath: folder)) ?? []
      let text = try? String(contentsOfFile: output + "/index.html", encoding: .utf8)
      lock.withLock { seen.append((staged.sorted(), text)) }
    }

    func take() -> [(staged: [String], output: String?)] {
      lock.withLock {
        defer { seen = [] }
        return seen
      }
    }
  }

  /// `kirameki build --durable`: the flush is called with the staging folder once every new file
  /// is in it and before any is put in place; when no file changed there is nothing to flush. A
  /// site built without a flush reports none.
  @Test func aDurableCommitFlushesTheStagedFilesBeforePuttingThemInPlace() throws {
    let root = try temporaryFolder()
    let out = root + "/site"
    let flushes = Flushes()
    let flush: @Sendable (String) -> Void = { flushes.record($0, output: out) }

    var staged = try StagedSite(root: root, output: out, flush: flush)
    try staged.add([OutputFile(path: "index.html", text: "one"), OutputFile(path: "a/index.html", text: "a")])
    var summary = try staged.commit()
    var seen = flushes.take()
    #expect(seen.count == 1)
    #expect(seen.first?.staged == [".kirameki-site", "a", "a/index.html", "index.html"], "\(seen)")
    #expect(seen.first?.output == nil, "a new site is renamed into place after the flush")
    #expect(summary.flushSeconds != nil)

    staged = try StagedSite(root: root, output: out, flush: flush)
    try staged.add([OutputFile(path: "index.html", text: "two"), OutputFile(path: "a/index.html", text: "a")])
    summary = try staged.commit()
    seen = flushes.take()
    #expect(seen.count == 1)
    #expect(seen.first?.staged == ["0"], "only the changed file is staged: \(seen)")
    #expect(seen.first?.output == "one", "the changed file is renamed over the old one after the flush")
    #expect(try text(out + "/index.html") == "two")

    staged = try StagedSite(root: root, output: out, flush: flush)
    try staged.add([OutputFile(path: "index.html", text: "two"), OutputFile(path: "a/index.html", text: "a")])
    summary = try staged.commit()
    #expect(flushes.take().isEmpty, "nothing changed, nothing to flush")
    #expect(summary.flushSeconds == nil)
    #expect(summary.reused == 2)

    staged = try StagedSite(root: root, output: out)
    try staged.add([OutputFile(path: "index.html", text: "three")])
    summary = try staged.commit()
    #expect(summary.flushSeconds == nil, "no flush unless asked for")
    #expect(try text(out + "/index.html") == "three")
    #expect(flushes.take().isEmpty)
  }
}
