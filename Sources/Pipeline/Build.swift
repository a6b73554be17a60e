import Assemble
import Decode
import Diagnostics
import Emit
import Feeds
import Foundation
import Load
import Markdown
import Render
import Schema
import Search
import Synchronization

/// What a build produced and found.
public struct BuildResult: Sendable {
  public var diagnostics: [Diagnostic]
  public var files: [OutputFile]
  public var pageCount: Int
  /// Whether the output folder was replaced.
  public var wrote: Bool
  /// The assembled site, when the build got that far (for `kirameki check`).
  public var site: Site? = nil
  /// Whether nothing had changed since the last build, so the output was left as it was.
  public var upToDate = false
}

/// The build, top to bottom as the data flow: load → decode → markdown → assemble → search index →
/// render → emit.
public enum Build {
  /// Builds and, when there is no error, replaces the output folder. Pages are rendered and
  /// written in batches, so memory does not grow with the size of the output.
  /// - Parameters:
  ///   - keepingFiles: also return every written file in `files` (for tests; costs the memory
  ///     streaming saves).
  ///   - reusingUnchanged: skip the build when its inputs and the output are exactly as the last
  ///     build recorded them in `<root>/.kirameki-cache/` (what `kirameki build` does).
  public static func run(
    _ options: BuildOptions, keepingFiles: Bool = true, reusingUnchanged: Bool = false
  ) -> BuildResult {
    run(options, keepingFiles: keepingFiles, reusingUnchanged: reusingUnchanged, batchSize: PageStream.batchSize)
  }

  /// - Parameter indexStreamingAbove: `SearchIndexWriter`'s `streamingAbove` (tests lower it to
  ///   take the path of very large sites).
  static func run(
    _ options: BuildOptions, keepingFiles: Bool, reusingUnchanged: Bool, batchSize: Int,
    indexStreamingAbove: Int = SearchIndexWriter.streamingThreshold
  ) -> BuildResult {
    let output = InputFingerprint.absolute(options.output)
    var inputs: RecordedInputs?
    if reusingUnchanged {
      let started = ContinuousClock.now
      if let state = BuildState.load(root: options.root) {
        let digest = InputFingerprint.compute(options)
        if state.isCurrent(inputs: digest, output: output) {
          options.log(
            "Nothing changed since the last build: \(output) is up to date (checked in \(seconds(since: started)) s)")
          return BuildResult(
            diagnostics: state.diagnostics, files: [], pageCount: state.pageCount, wrote: false, upToDate: true)
        }
        options.log("Hashed the inputs in \(seconds(since: started)) s")
        inputs = .known(digest)
      } else {
        // No build to compare with: the content's Markdown is hashed as the build reads it.
        inputs = .pending(InputFingerprint.Pending(options, leaving: ContentLoader.isMarkdown))
        options.log("Hashed the inputs but the content's Markdown in \(seconds(since: started)) s")
      }
    }
    let clock = StageClock(log: options.log)
    let staging = IndexStaging(
      root: options.root, output: options.output, flush: options.flush, keeping: keepingFiles)
    var prepared = prepare(
      options, clock: clock, leanSlice: batchSize, emitIndex: staging.indexSink,
      indexStreamingAbove: indexStreamingAbove, fingerprintingContent: inputs?.isPending == true)
    guard let ready = prepared.ready.take() else {
      staging.discard()
      return prepared.failed()
    }
    // Handed over with `consume`: PageStream drops the search index and feeds once they are
    // written, which frees them only if no other copy of `ready` is held here.
    let result = PageStream.run(
      consume ready, prepared: prepared, staging: staging, options: options, keepingFiles: keepingFiles,
      recording: inputs != nil, batchSize: batchSize, clock: clock)
    if let inputs, result.result.wrote {
      let started = ContinuousClock.now
      let inputs = inputs.digest(reading: prepared.contentFingerprints)
      // The output's identities were read while the last flush waited for the disk.
      if let manifest = result.manifest {
        let state = BuildState(
          inputs: inputs, output: output, pageCount: result.result.pageCount, diagnostics: result.result.diagnostics,
          manifest: manifest)
        try? state.save(root: options.root)
      }
      options.log("Recorded the build state in \(seconds(since: started)) s")
    }
    return result.result
  }

  /// Every stage but the last: the site's files in memory, with all diagnostics.
  public static func render(_ options: BuildOptions) -> BuildResult {
    let clock = StageClock(log: options.log)
    let prepared = prepare(options, clock: clock)
    guard let ready = prepared.ready else { return prepared.failed() }
    var diagnostics = prepared.diagnostics
    let rendered = ready.jobs.parallelMap(ready.renderer.render)
    var files: [OutputFile] = []
    for outcome in rendered {
      switch outcome {
      case .success(let file): files.append(file)
      case .failure(let diagnostic): diagnostics.append(diagnostic)
      }
    }
    let pageCount = files.count
    files += ready.otherFiles(htmlPaths: files.map(\.path))
    diagnostics += duplicatePaths(files)
    clock.done(6, "Rendered \(pageCount) pages")
    guard !diagnostics.hasErrors else { return prepared.failed(diagnostics) }
    return BuildResult(
      diagnostics: diagnostics.sorted(), files: files, pageCount: pageCount, wrote: false, site: ready.site)
  }

  /// Load, decode, Markdown, assemble and the search index: all that rendering needs.
  /// - Parameter leanSlice: when given, drop each stage's input once the next stage has what it
  ///   needs: Markdown bodies are converted this many at a time and then emptied, field positions
  ///   are emptied after assembling and plain text after indexing, and freed memory is returned
  ///   to the system. The returned site then has empty `entry.body`, `entry.fieldPositions` and
  ///   `document.plainText`; `kirameki check` needs them and prepares without it.
  /// - Parameter emitIndex: with `leanSlice`, the search index's files are handed to it as they
  ///   are made instead of being returned in `index.files`.
  /// - Parameter fingerprintingContent: keep the fingerprint of each Markdown file's bytes as read
  ///   in `contentFingerprints`.
  static func prepare(
    _ options: BuildOptions, clock: StageClock, leanSlice: Int? = nil, emitIndex: SearchIndexWriter.Sink? = nil,
    indexStreamingAbove: Int = SearchIndexWriter.streamingThreshold, fingerprintingContent: Bool = false
  ) -> PreparedBuild {
    var prepared = PreparedBuild(diagnostics: [])
    let (config, configDiagnostics) = ConfigLoader.load(root: options.root, io: options.io)
    prepared.diagnostics += configDiagnostics
    var loaded = ContentLoader.load(
      root: options.root, io: options.io, fingerprint: fingerprintingContent ? InputFingerprint.digest(of:) : nil)
    prepared.diagnostics += loaded.diagnostics
    prepared.contentFingerprints = loaded.fingerprints
    loaded.fingerprints = [:]
    guard let config else { return prepared }
    let (theme, themeDiagnostics) = Theme.load(
      root: options.root, name: config.theme, themes: options.themes, io: options.io)
    prepared.diagnostics += themeDiagnostics
    clock.done(1, "Loaded \(loaded.sources.count) content files")

    var decoded = loaded.sources.parallelMap(EntryDecoder.decode)
    loaded.sources = []
    prepared.diagnostics += decoded.flatMap(\.1)
    var entries = decoded.compactMap(\.0).filter { options.includeDrafts || !$0.draft }
    decoded = []
    if leanSlice != nil { FreedMemory.release() }
    clock.done(2, "Checked \(entries.count) entries")

    var documents: [Document] = []
    documents.reserveCapacity(entries.count)
    let slice = Swift.max(1, leanSlice ?? entries.count)
    for start in stride(from: 0, to: entries.count, by: slice) {
      let range = start..<Swift.min(entries.count, start + slice)
      documents += Array(entries[range]).parallelMap(EntryMarkdown.document)
      if leanSlice != nil {
        for index in range { entries[index].body = "" }
      }
    }
    clock.done(3, "Rendered \(documents.count) Markdown bodies")

    var (site, assembleDiagnostics, relations) = Assembler.assembleLeavingRelations(
      Array(zip(entries, documents)), config: config, now: options.now, staticFiles: loaded.staticFiles)
    entries = []
    documents = []
    if leanSlice != nil {
      // Field positions only place diagnostics, which are all found by now.
      for page in site.pages.indices { site.pages[page].entry.fieldPositions = [:] }
      FreedMemory.release()
    }
    prepared.diagnostics += SourceLines.attach(assembleDiagnostics, root: options.root, io: options.io)
    clock.done(4, "Assembled \(site.pages.count) pages in \(site.sections.count) sections")

    guard let theme, !prepared.diagnostics.hasErrors else {
      (site.related, site.matches) = relations.compute()
      prepared.site = site
      return prepared
    }
    // Related entries and need matches are found beside the index: each leaves a core idle part of
    // the time (merging postings, the last pages of a parallel loop), and they need none of the
    // texts the index frees as it goes.
    let index: SearchIndexWriter.Index
    if leanSlice != nil {
      // Each page's plain text is freed as soon as it is analysed, not when the stage ends.
      var batches = 0
      (index, (site.related, site.matches)) = OrderedParallel.concurrently(
        {
          SearchIndexWriter.write(
            releasingTextOf: &site.pages, now: site.now,
            released: {
              // The text is freed in small pieces between pages that stay; handing back the whole
              // pages among them keeps the postings and shards from growing the process instead.
              batches += 1
              if batches % 8 == 0 { FreedMemory.release() }
            }, emit: emitIndex, streamingAbove: indexStreamingAbove)
        }, relations.compute)
      FreedMemory.release()
    } else {
      let pages = site.pages
      (index, (site.related, site.matches)) = OrderedParallel.concurrently(
        { SearchIndexWriter.write(pages: pages, now: site.now) }, relations.compute)
    }
    prepared.site = site
    clock.done(
      5,
      "Indexed \(site.pages.count) pages for search (\(index.postingCount) postings in \(index.shardCount) shards) "
        + "and found related entries and matches alongside")

    let renderer = Renderer(site: site, theme: theme, searchIndex: index.manifestURL)
    prepared.ready = PreparedBuild.Ready(
      site: site, theme: theme, index: index, renderer: renderer, jobs: renderer.jobs())
    return prepared
  }

  static func duplicatePaths(_ files: [OutputFile]) -> [Diagnostic] {
    var seen = Set<String>()
    var diagnostics: [Diagnostic] = []
    for file in files where !seen.insert(file.path).inserted {
      let source: String
      if case .copy(let from) = file.contents { source = from } else { source = file.path }
      diagnostics.append(
        .error(at: .file(source), "two things would be written to '\(file.path)'", hint: "rename one of them"))
    }
    return diagnostics
  }

  static func seconds(since start: ContinuousClock.Instant) -> String {
    String(format: "%.2f", StageClock.seconds(ContinuousClock.now - start))
  }
}

/// Prints `[3/7] Rendered 1,024 Markdown bodies in 0.41 s`.
final class StageClock: Sendable {
  private let log: @Sendable (String) -> Void
  private let started = Mutex(ContinuousClock.now)

  init(log: @escaping @Sendable (String) -> Void) {
    self.log = log
  }

  func done(_ stage: Int, _ message: String) {
    let now = ContinuousClock.now
    let elapsed = started.withLock { start in
      defer { start = now }
      return now - start
    }
    report(stage, message, seconds: Self.seconds(elapsed))
  }

  /// A stage whose time was measured in pieces (rendering and writing take turns).
  func report(_ stage: Int, _ message: String, seconds: Double) {
    started.withLock { $0 = ContinuousClock.now }
    log("[\(stage)/7] \(message) in \(String(format: "%.2f", seconds)) s")
  }

  static func seconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
  }
}
