import Diagnostics
import Foundation
import Pipeline
import Render
import Synchronization

/// The site as the preview serves it: the last good generation, pages rendered on request and
/// kept until the next change, and the diagnostics of the latest change when it failed.
public final class PreviewSite: Sendable {
  public let options: BuildOptions
  let events = EventBroadcaster()
  /// The incremental build's caches; held for the whole of a rebuild, so rebuilds run one at a time.
  private let builder = Mutex(BuildCache())
  private let searchCache = Mutex(SearchCache())
  private let state = Mutex(ServingState())
  /// Writes search indexes after the page is served; only the newest generation's is written.
  private let indexQueue = DispatchQueue(label: "kirameki.search-index")

  struct ServingState {
    var generation = 0
    var lastGood: SiteSnapshot?
    /// The generation `lastGood` was published as.
    var goodGeneration = 0
    /// Counts every replacement of `lastGood` (also by its search index); keys the caches below.
    var version = 0
    /// Every diagnostic of the latest build when it had errors; empty when it succeeded.
    var failure: [Diagnostic] = []
    var diagnostics: [Diagnostic] = []
    var rendered: [String: Data] = [:]
    var feeds: [String: OutputFile]?
  }

  /// What a request gets: status, media type and bytes.
  public struct Served: Sendable {
    public var status: Int
    public var contentType: String
    public var body: Data
  }

  /// A rebuild's outcome, for the terminal.
  public struct Report: Sendable {
    public var generation: Int
    public var diagnostics: [Diagnostic]
    public var diagnosticsChanged: Bool
    public var succeeded: Bool
    public var duration: Duration
  }

  public init(options: BuildOptions) {
    self.options = options
  }

  public var generation: Int { state.withLock { $0.generation } }
  /// The diagnostics of the latest build when it failed (the overlay shows them); empty otherwise.
  public var failure: [Diagnostic] { state.withLock { $0.failure } }

  /// Whether the served pages link the search index of their own content (a full build's bytes).
  public var isSettled: Bool { state.withLock { $0.lastGood?.searchIndexPending != true } }

  /// Rebuilds after `changed` (paths relative to the site root; nil for everything), publishes
  /// the new generation and tells open pages to reload.
  /// - Parameter deferSearchIndex: publish the pages first, still linking the previous search
  ///   index, and write the new index in the background (what `serve` does, so a page is ready
  ///   in milliseconds); when false the index is written before publishing.
  @discardableResult
  public func rebuild(changed: Set<String>?, deferSearchIndex: Bool = false) -> Report {
    let started = ContinuousClock.now
    var snapshot = builder.withLock { cache in
      IncrementalBuild.updateKeepingSearchIndex(&cache, options: options, changed: changed)
    }
    if snapshot.searchIndexPending && (!deferSearchIndex || snapshot.searchIndex == nil) {
      snapshot = searchCache.withLock { IncrementalBuild.completeSearchIndex(snapshot, cache: &$0, log: options.log) }
      builder.withLock { IncrementalBuild.adopt(snapshot, into: &$0) }
    }
    let (generation, diagnosticsChanged) = state.withLock { state in
      state.generation += 1
      let changed = state.diagnostics != snapshot.diagnostics
      state.diagnostics = snapshot.diagnostics
      if snapshot.hasErrors {
        state.failure = snapshot.diagnostics
      } else {
        state.failure = []
        state.lastGood = snapshot
        state.goodGeneration = state.generation
        state.version += 1
        state.rendered = [:]
        state.feeds = nil
      }
      return (state.generation, changed)
    }
    events.publish(generation)
    if snapshot.searchIndexPending && !snapshot.hasErrors {
      let published = snapshot
      indexQueue.async { self.completeSearchIndex(of: published, generation: generation) }
    }
    return Report(
      generation: generation, diagnostics: snapshot.diagnostics, diagnosticsChanged: diagnosticsChanged,
      succeeded: !snapshot.hasErrors, duration: ContinuousClock.now - started)
  }

  /// Writes the search index for a published generation, unless a newer one was published since.
  private func completeSearchIndex(of snapshot: SiteSnapshot, generation: Int) {
    guard state.withLock({ $0.goodGeneration == generation }) else { return }
    let complete = searchCache.withLock { IncrementalBuild.completeSearchIndex(snapshot, cache: &$0, log: options.log) }
    builder.withLock { IncrementalBuild.adopt(complete, into: &$0) }
    state.withLock { state in
      guard state.goodGeneration == generation else { return }
      state.lastGood = complete
      state.version += 1
      state.rendered = [:]
      state.feeds = nil
    }
  }

  /// Waits until the background search index of the current generation is written.
  public func waitUntilSettled() {
    indexQueue.sync {}
  }

  /// Ends the open event streams (their responses finish), for shutting the server down.
  public func stopEventStreams() {
    events.finishAll()
  }

  /// The response for a request path such as `/`, `/seminars/x/` or `/assets/style.1a2b.css`.
  public func serve(_ requestPath: String) -> Served {
    let (snapshot, version, generation, failure) = state.withLock {
      ($0.lastGood, $0.version, $0.generation, $0.failure)
    }
    guard let snapshot else {
      let empty =
        "<!doctype html>\n<html><head><meta charset=\"utf-8\"><title>kirameki</title></head><body></body></html>"
      return html(LiveReload.inject(into: empty, generation: generation, failure: failure), status: 500)
    }
    let path = PreviewSite.filePath(forRequest: requestPath)
    for candidate in [path, path + "/index.html"] where !candidate.isEmpty {
      if let data = page(candidate, snapshot: snapshot, version: version) {
        return html(
          LiveReload.inject(into: String(decoding: data, as: UTF8.self), generation: generation, failure: failure))
      }
      if let file = snapshot.file(at: candidate) ?? feed(candidate, snapshot: snapshot, version: version),
        let data = try? bytes(of: file)
      {
        return Served(status: 200, contentType: MediaTypes.type(forPath: candidate), body: data)
      }
    }
    let notFound = page("404.html", snapshot: snapshot, version: version) ?? Data("not found".utf8)
    return html(
      LiveReload.inject(into: String(decoding: notFound, as: UTF8.self), generation: generation, failure: failure),
      status: 404)
  }

  /// `/` → `index.html`, `/news/x/` → `news/x/index.html`, percent escapes decoded, dot segments refused.
  static func filePath(forRequest requestPath: String) -> String {
    let withoutQuery = requestPath.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
    let decoded = String(withoutQuery).removingPercentEncoding ?? String(withoutQuery)
    let segments = decoded.split(separator: "/")
    guard !segments.contains(where: { $0 == ".." || $0 == "." }) else { return "" }
    let joined = segments.joined(separator: "/")
    return joined.isEmpty || decoded.hasSuffix("/") ? (joined.isEmpty ? "" : joined + "/") + "index.html" : joined
  }

  private func html(_ text: String, status: Int = 200) -> Served {
    Served(status: status, contentType: "text/html; charset=utf-8", body: Data(text.utf8))
  }

  /// A page of the snapshot, rendered once per version of the site.
  private func page(_ path: String, snapshot: SiteSnapshot, version: Int) -> Data? {
    if let cached = state.withLock({ $0.version == version ? $0.rendered[path] : nil }) { return cached }
    guard let file = snapshot.page(at: path), case .data(let data) = file.contents else { return nil }
    state.withLock { state in
      if state.version == version { state.rendered[path] = data }
    }
    return data
  }

  /// Feeds are made on the first request for one after a change.
  private func feed(_ path: String, snapshot: SiteSnapshot, version: Int) -> OutputFile? {
    guard path.hasSuffix(".xml") || path.hasSuffix(".json") || path.hasSuffix(".ics") || path.hasSuffix(".txt") else {
      return nil
    }
    if let feeds = state.withLock({ $0.version == version ? $0.feeds : nil }) { return feeds[path] }
    let feeds = Dictionary(snapshot.feedFiles().map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
    state.withLock { state in
      if state.version == version { state.feeds = feeds }
    }
    return feeds[path]
  }

  private func bytes(of file: OutputFile) throws -> Data {
    switch file.contents {
    case .data(let data): data
    case .copy(let source): try options.io.read(options.root + "/" + source)
    }
  }
}
