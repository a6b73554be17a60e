import Diagnostics
import Emit
import Foundation
import Load
import Render
import Schema
import Synchronization
import Testing

@testable import Pipeline
@testable import Search

/// `kirameki build` run again: skipped when nothing changed, a full and correct build after any
/// change to the inputs, the options or the output; and the streamed write equals `Build.render`.
@Suite struct RebuildTests {
  /// A copy of the basic fixture site with its own copy of the themes, so a test can edit anything.
  struct Hub {
    let root: String
    var output: String { root + "/site" }
    var themes: String { root + "/themes" }

    init() throws {
      root = try temporaryFolder() + "/hub"
      try FileManager.default.copyItem(atPath: Paths.fixtures + "/sites/basic", toPath: root)
      try? FileManager.default.removeItem(atPath: root + "/expected")
      try FileManager.default.copyItem(atPath: Paths.themes, toPath: themes)
    }

    func options(now: DateTime = fixedNow, drafts: Bool = false, log: @escaping @Sendable (String) -> Void = { _ in })
      -> BuildOptions
    {
      BuildOptions(root: root, output: output, themes: themes, includeDrafts: drafts, now: now, log: log)
    }

    /// What `kirameki build` does, with the lines it logs.
    func build(now: DateTime = fixedNow, drafts: Bool = false) -> (BuildResult, [String]) {
      let lines = Mutex<[String]>([])
      let result = Build.run(
        options(now: now, drafts: drafts, log: { line in lines.withLock { $0.append(line) } }), keepingFiles: false,
        reusingUnchanged: true)
      return (result, lines.withLock { $0 })
    }

    /// The output folder equals what a fresh in-memory build of the current inputs produces.
    func expectOutputIsFresh(now: DateTime = fixedNow, drafts: Bool = false, _ comment: Comment) throws {
      let fresh = Build.render(options(now: now, drafts: drafts))
      try #require(!fresh.diagnostics.hasErrors, comment)
      var expected: [String: Data] = [:]
      for file in fresh.files { expected[file.path] = try file.bytes(root: root) }
      var actual = try readTree(output)
      actual[SiteWriter.marker] = nil
      #expect(actual.keys.sorted() == expected.keys.sorted(), comment)
      #expect(actual == expected, comment)
    }

    func edit(_ path: String, _ change: (String) -> String) throws {
      let full = root + "/" + path
      let text = try String(contentsOfFile: full, encoding: .utf8)
      let changed = change(text)
      #expect(changed != text, "the edit of \(path) changes it")
      try Data(changed.utf8).write(to: URL(fileURLWithPath: full))
    }
  }

  func inode(_ path: String) throws -> UInt64 {
    try #require(FileManager.default.attributesOfItem(atPath: path)[.systemFileNumber] as? UInt64)
  }

  @Test func nothingChangedIsSkippedAndSaysSo() throws {
    let hub = try Hub()
    let (first, firstLog) = hub.build()
    try #require(first.wrote, "\(DiagnosticFormatter.format(first.diagnostics))")
    #expect(first.upToDate == false)
    #expect(firstLog.contains { $0.hasPrefix("[6/7] Rendered") })
    let before = try readTree(hub.output)
    let home = try inode(hub.output + "/index.html")

    let (second, secondLog) = hub.build()
    #expect(second.upToDate == true)
    #expect(second.wrote == false)
    #expect(second.pageCount == first.pageCount)
    #expect(second.diagnostics == first.diagnostics, "the last build's warnings are reported again")
    #expect(secondLog.contains { $0.contains("up to date") }, "\(secondLog)")
    #expect(!secondLog.contains { $0.hasPrefix("[") }, "no stage ran: \(secondLog)")
    #expect(try readTree(hub.output) == before)
    #expect(try inode(hub.output + "/index.html") == home, "nothing was rewritten")
  }

  /// A build with no state to compare with hashes the content's Markdown as it reads it: what it
  /// records is the digest a later build computes from the same files, and it says so.
  @Test func aFirstBuildRecordsTheDigestOfWhatItRead() throws {
    let hub = try Hub()
    let (first, log) = hub.build()
    try #require(first.wrote)
    #expect(log.first?.hasPrefix("Hashed the inputs but the content's Markdown") == true, "\(log)")
    let state = try #require(BuildState.load(root: hub.root))
    #expect(state.inputs == InputFingerprint.compute(hub.options()))
  }

  /// The part of the digest made before the build reads the content, finished with the bytes
  /// the build read: a file changed after it was read is recorded as read, so the next build sees
  /// the change; a file the build did not read is hashed as it is.
  @Test func aDigestFinishedWithTheBytesReadRecordsThem() throws {
    let hub = try Hub()
    let options = hub.options()
    let pending = InputFingerprint.Pending(options, leaving: ContentLoader.isMarkdown)
    let loaded = ContentLoader.load(root: hub.root, io: .disk, fingerprint: InputFingerprint.digest(of:))
    #expect(!loaded.fingerprints.isEmpty)
    #expect(loaded.fingerprints.keys.allSatisfy(ContentLoader.isMarkdown))
    let asRead = pending.finish(reading: loaded.fingerprints)
    #expect(asRead == InputFingerprint.compute(options))

    let path = try #require(loaded.fingerprints.keys.sorted().first)
    try hub.edit(path) { $0 + "\n追記\n" }
    #expect(pending.finish(reading: loaded.fingerprints) == asRead, "recorded as the build read it")
    #expect(InputFingerprint.compute(options) != asRead, "so the next build sees the change")
    var unread = loaded.fingerprints
    unread[path] = nil
    #expect(pending.finish(reading: unread) == InputFingerprint.compute(options), "an unread file as it is now")
  }

  /// The build state is not flushed to the disk, so a power cut can leave it short: a state whose
  /// manifest lost lines (or its header's count) is refused and the next build writes everything.
  @Test func aBuildStateCutShortIsRefused() throws {
    let hub = try Hub()
    let (first, _) = hub.build()
    try #require(first.wrote)
    let path = BuildState.path(root: hub.root)
    let saved = try Data(contentsOf: URL(fileURLWithPath: path))
    let state = try #require(BuildState.load(root: hub.root), "the state as written loads")
    #expect(state.manifest.entries.count > 2)
    let text = String(decoding: saved, as: UTF8.self)
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    #expect(lines[5] == "manifest \(state.manifest.entries.count)")
    lines.removeLast(3)  // the last two entries and the final newline
    try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: path))
    #expect(BuildState.load(root: hub.root) == nil, "a manifest short of its count is refused")
    try Data(text.replacingOccurrences(of: "\nmanifest \(state.manifest.entries.count)\n", with: "\nmanifest\n").utf8)
      .write(to: URL(fileURLWithPath: path))
    #expect(BuildState.load(root: hub.root) == nil, "a manifest without its count is refused")

    let (second, log) = hub.build()
    #expect(second.wrote && !second.upToDate, "\(log)")
    try hub.expectOutputIsFresh("rebuilt after the short state")
    #expect(BuildState.load(root: hub.root) != nil, "and recorded again")
  }

  enum Change: String, CaseIterable, Sendable {
    case oneByteOfContent, newContentFile, deletedContentFile, template, asset, config, staticFile

    func apply(to hub: Hub) throws {
      switch self {
      case .oneByteOfContent:
        try hub.edit("content/seminars/dojo-laser-1.ja.md") { $0.replacingOccurrences(of: "。", with: "！") }
      case .newContentFile:
        let source = hub.root + "/content/seminars/dojo-laser-1.ja.md"
        let text = try String(contentsOfFile: source, encoding: .utf8)
        try Data(text.utf8).write(to: URL(fileURLWithPath: hub.root + "/content/seminars/dojo-laser-9.ja.md"))
      case .deletedContentFile:
        let news = try FileManager.default.contentsOfDirectory(atPath: hub.root + "/content/news").sorted()
        let doomed = try #require(news.first { $0.hasSuffix(".md") })
        try FileManager.default.removeItem(atPath: hub.root + "/content/news/" + doomed)
      case .template:
        try hub.edit("themes/default/templates/entry.mustache") { $0 + "\n<!-- edited -->\n" }
      case .asset:
        let assets = try FileManager.default.contentsOfDirectory(atPath: hub.themes + "/default/assets").sorted()
        let css = try #require(assets.first { $0.hasSuffix(".css") })
        try hub.edit("themes/default/assets/" + css) { $0 + "\n/* edited */\n" }
      case .config:
        try hub.edit("kirameki.yaml") { $0 + "\n# edited\n" }
      case .staticFile:
        try Data("new static file".utf8).write(to: URL(fileURLWithPath: hub.root + "/content/pages/notes.txt"))
      }
    }
  }

  @Test(arguments: Change.allCases)
  func eachChangeOfTheInputsRebuildsCorrectly(change: Change) throws {
    let hub = try Hub()
    try #require(hub.build().0.wrote)
    try change.apply(to: hub)
    let (rebuilt, log) = hub.build()
    #expect(rebuilt.upToDate == false, "\(change)")
    #expect(rebuilt.wrote == true, "\(change): \(DiagnosticFormatter.format(rebuilt.diagnostics))")
    #expect(log.contains { $0.hasPrefix("[7/7] Wrote") }, "\(change)")
    try hub.expectOutputIsFresh("\(change)")
    #expect(hub.build().0.upToDate == true, "\(change): the build after the rebuild has nothing to do")
  }

  @Test func anotherMomentOrTheDraftsFlagRebuilds() throws {
    let hub = try Hub()
    try #require(hub.build().0.wrote)
    let later = try #require(DateTime(iso: "2027-06-01T12:00:00+09:00"))
    let (moved, _) = hub.build(now: later)
    #expect(moved.wrote == true && moved.upToDate == false)
    try hub.expectOutputIsFresh(now: later, "--now")
    let (drafts, _) = hub.build(now: later, drafts: true)
    #expect(drafts.wrote == true && drafts.upToDate == false)
    try hub.expectOutputIsFresh(now: later, drafts: true, "--drafts")
  }

  enum Tampering: String, CaseIterable, Sendable {
    case rewrittenSameSize, deleted, strayFileAdded

    func apply(to output: String) throws {
      switch self {
      case .rewrittenSameSize:
        let path = output + "/index.html"
        var data = try Data(contentsOf: URL(fileURLWithPath: path))
        data[data.count - 1] = data[data.count - 1] == 0x0A ? 0x20 : 0x0A
        let handle = try #require(FileHandle(forUpdatingAtPath: path))
        try handle.write(contentsOf: data)
        try handle.close()
      case .deleted:
        try FileManager.default.removeItem(atPath: output + "/404.html")
      case .strayFileAdded:
        try Data("stray".utf8).write(to: URL(fileURLWithPath: output + "/seminars/stray.html"))
      }
    }
  }

  @Test(arguments: Tampering.allCases)
  func aTamperedOutputIsRebuilt(tampering: Tampering) throws {
    let hub = try Hub()
    try #require(hub.build().0.wrote)
    try tampering.apply(to: hub.output)
    let (rebuilt, _) = hub.build()
    #expect(rebuilt.upToDate == false, "\(tampering)")
    #expect(rebuilt.wrote == true, "\(tampering)")
    try hub.expectOutputIsFresh("\(tampering)")
    #expect(hub.build().0.upToDate == true, "\(tampering): the repaired output is recorded")
  }

  /// Without its marker the folder is not known to be kirameki's: the build does not skip, and
  /// refuses to replace it rather than delete files it did not write.
  @Test func anOutputThatLostItsMarkerIsNotTakenForUpToDate() throws {
    let hub = try Hub()
    try #require(hub.build().0.wrote)
    try FileManager.default.removeItem(atPath: hub.output + "/" + SiteWriter.marker)
    let before = try readTree(hub.output)
    let (again, _) = hub.build()
    #expect(again.upToDate == false)
    #expect(again.diagnostics.contains { $0.severity == .error && $0.message.contains("refusing to replace") })
    #expect(try readTree(hub.output) == before)
  }

  @Test func aFailedBuildKeepsTheSiteAndTheRecordOfIt() throws {
    let hub = try Hub()
    try #require(hub.build().0.wrote)
    let before = try readTree(hub.output)
    let path = "content/seminars/dojo-laser-1.ja.md"
    let original = try String(contentsOfFile: hub.root + "/" + path, encoding: .utf8)
    try hub.edit(path) { $0.replacingOccurrences(of: "attendance: mixed", with: "attendance: hybrid") }
    let (failed, _) = hub.build()
    #expect(failed.diagnostics.hasErrors == true && failed.wrote == false && failed.upToDate == false)
    #expect(try readTree(hub.output) == before)
    try Data(original.utf8).write(to: URL(fileURLWithPath: hub.root + "/" + path))
    #expect(hub.build().0.upToDate == true, "the site still is the build of the restored content")
  }

  @Test func streamingInSmallBatchesWritesWhatRenderReturns() throws {
    let hub = try Hub()
    let rendered = Build.render(hub.options())
    let streamed = Build.run(hub.options(), keepingFiles: true, reusingUnchanged: false, batchSize: 3)
    #expect(streamed.wrote == true)
    #expect(streamed.pageCount == rendered.pageCount)
    #expect(streamed.files == rendered.files)
    #expect(streamed.diagnostics == rendered.diagnostics)
    try hub.expectOutputIsFresh("batches of 3")
  }

  /// Past `streamingAbove` postings (sites of ~40k entries) the search shards are written below a
  /// provisional folder and moved once the hash that names their folder is known: into a new
  /// site's tree, and over a previous site, where only their destinations change.
  @Test func shardsStreamedBeforeTheirFolderIsNamedEndUpInIt() throws {
    let hub = try Hub()
    func streamed() -> BuildResult {
      Build.run(hub.options(), keepingFiles: true, reusingUnchanged: false, batchSize: 3, indexStreamingAbove: 0)
    }
    let fresh = streamed()
    #expect(fresh.wrote == true)
    #expect(fresh.files == Build.render(hub.options()).files)
    try hub.expectOutputIsFresh("streamed shards in a new site")
    try hub.edit("content/seminars/dojo-laser-1.ja.md") { $0.replacingOccurrences(of: "。", with: "！") }
    let updated = streamed()
    #expect(updated.wrote == true)
    #expect(updated.files == Build.render(hub.options()).files)
    try hub.expectOutputIsFresh("streamed shards over a previous site")
    let unchanged = streamed()
    #expect(unchanged.files == updated.files)
    try hub.expectOutputIsFresh("streamed shards over the same site")
    #expect(!FileManager.default.fileExists(atPath: hub.output + "/" + SearchIndexWriter.provisionalFolder))
  }

  /// The streaming build keeps no Markdown body, plain text or field position once used (the memory at 100k
  /// entries); everything else about the site is what `Build.render` prepares.
  @Test func aLeanPreparationDropsBodiesPlainTextAndFieldPositionsOnly() throws {
    let hub = try Hub()
    let full = try #require(Build.prepare(hub.options(), clock: StageClock(log: { _ in })).site)
    let lean = try #require(Build.prepare(hub.options(), clock: StageClock(log: { _ in }), leanSlice: 2).site)
    #expect(full.pages.count > 4, "several Markdown slices")
    #expect(full.pages.contains { !$0.entry.body.isEmpty && !$0.document.plainText.isEmpty })
    #expect(lean.pages.allSatisfy { $0.entry.body.isEmpty && $0.document.plainText.isEmpty })
    #expect(full.pages.contains { !$0.entry.fieldPositions.isEmpty })
    #expect(lean.pages.allSatisfy { $0.entry.fieldPositions.isEmpty })
    #expect(lean.pages.map(\.document.html) == full.pages.map(\.document.html))
    #expect(lean.pages.map(\.url) == full.pages.map(\.url))
    #expect(lean.pages.map(\.entry.fields) == full.pages.map(\.entry.fields))
  }

  /// The search index goes into the staging folder while it is made, before any page renders: an
  /// output folder kirameki did not write is still refused with nothing written into it, and no
  /// staging folder is left.
  @Test func aForeignOutputFolderIsRefusedAndLeftAsItWas() throws {
    let hub = try Hub()
    try FileManager.default.createDirectory(atPath: hub.output, withIntermediateDirectories: true)
    try Data("mine".utf8).write(to: URL(fileURLWithPath: hub.output + "/notes.txt"))
    let (result, _) = hub.build()
    #expect(result.wrote == false)
    #expect(result.diagnostics.contains { $0.severity == .error && $0.message.contains("refusing to replace") })
    #expect(try FileManager.default.contentsOfDirectory(atPath: hub.output) == ["notes.txt"])
    let leftovers = try FileManager.default.contentsOfDirectory(atPath: hub.root).filter { $0.contains("staging") }
    #expect(leftovers.isEmpty, "\(leftovers)")
  }

  @Test func aTemplateErrorWritesNothing() throws {
    let hub = try Hub()
    try #require(hub.build().0.wrote)
    let before = try readTree(hub.output)
    try FileManager.default.removeItem(atPath: hub.themes + "/default/templates/entry.mustache")
    let failed = Build.run(hub.options(), keepingFiles: false, reusingUnchanged: true, batchSize: 2)
    #expect(failed.diagnostics.hasErrors == true && failed.wrote == false)
    #expect(failed.diagnostics.contains { $0.message.contains("no template 'entry'") })
    #expect(try readTree(hub.output) == before)
    let leftovers = try FileManager.default.contentsOfDirectory(atPath: hub.root).filter { $0.contains("staging") }
    #expect(leftovers.isEmpty, "\(leftovers)")
  }
}
