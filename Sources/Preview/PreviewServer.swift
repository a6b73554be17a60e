import Diagnostics
import Foundation
import Hummingbird
import Pipeline

/// `kirameki serve`: the preview site over HTTP on loopback, rebuilt as files change.
public enum PreviewServer {
  /// The routes: the live-reload event stream, and every other path served from the site in memory.
  public static func router(for site: PreviewSite) -> Router<BasicRequestContext> {
    let router = Router()
    router.get(RouterPath(LiveReload.eventsPath)) { _, _ -> Response in
      eventStream(site)
    }
    router.get(RouterPath(LiveReload.statusPath)) { _, _ -> Response in
      let status = "{\"generation\":\(site.generation),\"settled\":\(site.isSettled),\"errors\":\(site.failure.count)}"
      return Response(
        status: .ok, headers: [.contentType: "application/json", .cacheControl: "no-store"],
        body: ResponseBody(byteBuffer: ByteBuffer(string: status)))
    }
    let serve: @Sendable (Request, BasicRequestContext) async throws -> Response = { request, _ in
      let served = site.serve(request.uri.path)
      return Response(
        status: HTTPResponse.Status(code: served.status),
        headers: [.contentType: served.contentType, .cacheControl: "no-store"],
        body: ResponseBody(byteBuffer: ByteBuffer(bytes: served.body)))
    }
    router.get("/", use: serve)
    router.get("**", use: serve)
    router.head("/", use: serve)
    router.head("**", use: serve)
    return router
  }

  /// Server-Sent Events: the current generation at once, then each new one as it is built.
  static func eventStream(_ site: PreviewSite) -> Response {
    let stream = site.events.subscribe()
    let current = site.generation
    return Response(
      status: .ok,
      headers: [.contentType: "text/event-stream", .cacheControl: "no-store"],
      body: ResponseBody { writer in
        try await writer.write(ByteBuffer(string: "retry: 500\n" + EventBroadcaster.event(current)))
        for await generation in stream {
          try await writer.write(ByteBuffer(string: EventBroadcaster.event(generation)))
        }
        try await writer.finish(nil)
      })
  }

  /// Builds once, starts watching, and serves until the process is stopped.
  /// - Parameter onRunning: called with the port once the server listens (useful with port 0).
  public static func run(
    site: PreviewSite, host: String, port: Int, log: @escaping @Sendable (String) -> Void,
    onRunning: @escaping @Sendable (Int) async -> Void = { _ in }
  ) async throws {
    report(site.rebuild(changed: nil), log: log)
    let watching = startWatching(site, log: log)
    // Open event streams never end by themselves, and a graceful shutdown waits for every
    // response: end them as soon as the signal arrives (the service group sees it too).
    let signalSources = [SIGINT, SIGTERM].map { number in
      let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
      source.setEventHandler { site.stopEventStreams() }
      source.resume()
      return source
    }
    defer {
      for source in signalSources { source.cancel() }
      watching.stop()
      site.stopEventStreams()
    }
    let app = Application(
      router: router(for: site),
      configuration: ApplicationConfiguration(address: .hostname(host, port: port), serverName: "kirameki"),
      onServerRunning: { channel in await onRunning(channel.localAddress?.port ?? port) })
    try await app.runService(gracefulShutdownSignals: [.sigterm, .sigint])
  }

  /// Watches the site's folders on a thread of its own and rebuilds after each batch of changes.
  public static func startWatching(_ site: PreviewSite, log: @escaping @Sendable (String) -> Void) -> WatchHandle {
    let watcher = FileWatchers.make(WatchTargets(options: site.options))
    let thread = Thread {
      while let changed = watcher.next() {
        report(site.rebuild(changed: changed, deferSearchIndex: true), changed: changed, log: log)
      }
    }
    thread.name = "kirameki-watch"
    thread.start()
    return WatchHandle(watcher: watcher)
  }

  /// Prints what a rebuild did; the diagnostics in full whenever they changed, or on failure.
  static func report(_ report: PreviewSite.Report, changed: Set<String>? = nil, log: @Sendable (String) -> Void) {
    if !report.diagnostics.isEmpty && (report.diagnosticsChanged || !report.succeeded) {
      log(DiagnosticFormatter.format(report.diagnostics))
    }
    let milliseconds =
      Double(report.duration.components.attoseconds) / 1e15 + Double(report.duration.components.seconds) * 1000
    let what = changed.map { $0.count == 1 ? ($0.first ?? "") : "\($0.count) files" } ?? "site"
    let outcome =
      report.succeeded
      ? "rebuilt \(what) in \(String(format: "%.0f", milliseconds)) ms (generation \(report.generation))"
      : "\(what): \(DiagnosticFormatter.summary(report.diagnostics)); still serving the last good site"
    log(outcome)
  }
}

/// Stops a running watcher.
public struct WatchHandle: Sendable {
  let watcher: any FileWatcher

  public func stop() {
    watcher.stop()
  }
}
