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
  private let state = Mutex(ServingState())

  struct ServingState {
    var generation = 0
    var lastGood: SiteSnapshot?
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

  /// Rebuilds after `changed` (paths relative to the site root; nil for everything), publishes
  /// the new generation and tells open pages to reload.
  @discardableResult
  public func rebuild(changed: Set<String>?) -> Report {
    let started = ContinuousClock.now
    let snapshot = builder.withLock { cache in IncrementalBuild.update(&cache, options: options, changed: changed) }
    let (generation, diagnosticsChanged) = state.withLock { state in
      state.generation += 1
      let changed = state.diagnostics != snapshot.diagnostics
      state.diagnostics = snapshot.diagnostics
      if snapshot.hasErrors {
        state.failure = snapshot.diagnostics
      } else {
        state.failure = []
        state.lastGood = snapshot
        state.rendered = [:]
        state.feeds = nil
      }
      return (state.generation, changed)
    }
    events.publish(generation)
    return Report(
      generation: generation, diagnostics: snapshot.diagnostics, diagnosticsChanged: diagnosticsChanged,
      succeeded: !snapshot.hasErrors, duration: ContinuousClock.now - started)
  }

  /// Ends the open event streams (their responses finish), for shutting the server down.
  public func stopEventStreams() {
    events.finishAll()
  }

  /// The response for a request path such as `/`, `/seminars/x/` or `/assets/style.1a2b.css`.
  public func serve(_ requestPath: String) -> Served {
    let (snapshot, generation, failure) = state.withLock { ($0.lastGood, $0.generation, $0.failure) }
    guard let snapshot else {
      let empty = "<!doctype html>\n<html><head><meta charset=\"utf-8\"><title>kirameki</title></head><body></body></html>"
      return html(LiveReload.inject(into: empty, generation: generation, failure: failure), status: 500)
    }
    let path = PreviewSite.filePath(forRequest: requestPath)
    for candidate in [path, path + "/index.html"] where !candidate.isEmpty {
      if let data = page(candidate, snapshot: snapshot, generation: generation) {
        return html(LiveReload.inject(into: String(decoding: data, as: UTF8.self), generation: generation, failure: failure))
      }
      if let file = snapshot.files[candidate] ?? feed(candidate, snapshot: snapshot, generation: generation),
        let data = try? bytes(of: file)
      {
        return Served(status: 200, contentType: MediaTypes.type(forPath: candidate), body: data)
      }
    }
    let notFound = page("404.html", snapshot: snapshot, generation: generation) ?? Data("not found".utf8)
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

  /// A page of the snapshot, rendered once per generation.
  private func page(_ path: String, snapshot: SiteSnapshot, generation: Int) -> Data? {
    if let cached = state.withLock({ $0.generation == generation ? $0.rendered[path] : nil }) { return cached }
    guard let file = snapshot.page(at: path), case .data(let data) = file.contents else { return nil }
    state.withLock { state in
      if state.generation == generation { state.rendered[path] = data }
    }
    return data
  }

  /// Feeds are made on the first request for one after a change.
  private func feed(_ path: String, snapshot: SiteSnapshot, generation: Int) -> OutputFile? {
    guard path.hasSuffix(".xml") || path.hasSuffix(".json") || path.hasSuffix(".ics") || path.hasSuffix(".txt") else {
      return nil
    }
    if let feeds = state.withLock({ $0.generation == generation ? $0.feeds : nil }) { return feeds[path] }
    let feeds = Dictionary(snapshot.feedFiles().map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
    state.withLock { state in
      if state.generation == generation { state.feeds = feeds }
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
