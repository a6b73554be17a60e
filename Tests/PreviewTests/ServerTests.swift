import Foundation
import Hummingbird
import HummingbirdTesting
import Pipeline
import Preview
import Testing

/// The preview over HTTP: pages, the event stream, and rebuilds driven by the file watcher.
@Suite struct ServerTests {
  @Test func pagesAndAssetsOverHTTP() async throws {
    let root = try copyOfFixtureSite()
    let site = PreviewSite(options: buildOptions(root: root))
    site.rebuild(changed: nil)
    let app = Application(router: PreviewServer.router(for: site))
    try await app.test(.router) { client in
      try await client.execute(uri: "/news/nuremberg-visit/", method: .get) { response in
        #expect(response.status == .ok)
        #expect(response.headers[.contentType] == "text/html; charset=utf-8")
        #expect(String(buffer: response.body).contains("ニュルンベルク訪問団の報告"))
      }
      try await client.execute(uri: "/no/such/page/", method: .get) { response in
        #expect(response.status == .notFound)
        #expect(String(buffer: response.body).contains(LiveReload.startMarker))
      }
      try await client.execute(uri: "/feed.json", method: .get) { response in
        #expect(response.status == .ok)
        #expect(response.headers[.contentType] == "application/json")
      }
    }
  }

  @Test func anEditOnDiskReachesTheEventStreamAndThePage() async throws {
    let root = try copyOfFixtureSite()
    let site = PreviewSite(options: buildOptions(root: root))
    site.rebuild(changed: nil)
    let watching = PreviewServer.startWatching(site, log: { _ in })
    defer { watching.stop() }
    let app = Application(
      router: PreviewServer.router(for: site), configuration: .init(address: .hostname("127.0.0.1", port: 0)))
    try await app.test(.live) { client in
      let port = try #require(client.port)
      let events = try RawEventStream(port: port, path: LiveReload.eventsPath)
      #expect(await events.read(until: "event: reload\ndata: 1\n\n"), "the stream starts with the current generation")
      #expect(events.received.contains("text/event-stream"))

      let path = root + "/content/news/nuremberg-visit.ja.md"
      try write(try read(path).replacingOccurrences(of: "訪問の報告です。", with: "ライブで書き換えた本文。"), to: path)
      #expect(await events.read(until: "event: reload\ndata: 2\n\n"), "got: \(events.received)")
      try await client.execute(uri: "/news/nuremberg-visit/", method: .get) { response in
        let html = String(buffer: response.body)
        #expect(html.contains("ライブで書き換えた本文。"))
        #expect(html.contains("var seen=2;"), "the page knows its generation")
      }
      site.stopEventStreams()
    }
  }
}
