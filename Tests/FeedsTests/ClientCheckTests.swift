import Assemble
import Foundation
import Render
import Schema
import TestSupport
import Testing

@testable import Feeds

/// Reads the feed files with real client libraries: `Tests/Clients/check_feeds.py` parses the
/// calendars with `icalendar`, the Atom feeds with `feedparser`, the JSON feeds and the sitemap.
/// Set `KIRAMEKI_FEEDS_DUMP=DIR` to keep the checked files in DIR for a look.
@Suite struct ClientCheckTests {
  typealias F = Fixture

  static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().path

  var site: Site {
    F.site([
      F.seminar(
        "dojo-ultrashort", title: String(repeating: "医療ものづくり道場：超短パルスレーザー微細加工、", count: 3),
        start: "2026-12-03T14:00:00+09:00", end: "2026-12-03T16:30:00+09:00",
        body: "## 概要\n\n[企業一覧](/companies/)をご覧ください。",
        extra: [
          "venue": .string("大宮ソニックシティ"), "address": .string("埼玉県さいたま市大宮区桜木町1-7-5"),
          "summary": .string("R&D; 入門, \\ <b>\"安全\"</b>\n二行目"),
        ]),
      F.seminar(
        "dojo-ultrashort", .en, title: "Ultrashort-pulse lasers", start: "2026-12-03T14:00:00+09:00",
        end: "2026-12-03T16:30:00+09:00"),
      F.seminar(
        "emn-online", start: "2027-02-10T08:00:00Z", end: "2027-02-10T10:00:00Z", attendance: "online",
        extra: ["online_url": .string("https://meet.example.org/j/1?a=1,2")]),
      F.seminar(
        "matching", start: "2026-12-10T13:00:00+09:00", end: "2026-12-10T17:30:00+09:00", attendance: "mixed",
        extra: ["status": .string("cancelled"), "online_url": .string("https://meet.example.org/j/2")]),
      F.seminar("past", start: "2026-01-10T14:00:00+09:00", end: "2026-01-10T16:00:00+09:00"),
      F.seminar("english-only", .en, start: "2027-01-10T14:00:00+09:00", end: "2027-01-10T16:00:00+09:00"),
      F.entry(ContentTypes.news, "visit", .ja, date: "2026-10-05", fields: ["category": .string("exchange")]),
      F.entry(ContentTypes.news, "visit", .de, date: "2026-10-05", fields: ["category": .string("exchange")]),
      F.entry(
        ContentTypes.need, "seed", date: "2026-08-01",
        fields: [
          "kind": .string("tech_seed"), "status": .string("open"), "confidentiality": .string("public"),
        ]),
      F.entry(ContentTypes.page, "about", date: "2026-11-24"),
    ])
  }

  /// The HTML pages a render of `site` would have: entry pages, home and section lists.
  func htmlPaths(_ site: Site) -> [String] {
    var paths = site.pages.map { OutputFile.htmlPath(forURL: $0.url) } + ["404.html"]
    for prefix in ["", "en/", "de/"] {
      paths.append(prefix + "index.html")
      paths += site.sections.map { prefix + $0.type.section + "/index.html" }
    }
    return paths
  }

  /// With sitemaps.org's limit, and with a limit of 2 URLs: a sitemap index and its sitemaps.
  @Test(arguments: [Sitemap.maxURLs, 2])
  func realClientsReadEveryFeed(sitemapURLs: Int) throws {
    let dump = ProcessInfo.processInfo.environment["KIRAMEKI_FEEDS_DUMP"]
    let site = site
    let paths = htmlPaths(site)
    let folder =
      dump.map { URL(fileURLWithPath: $0) }
      ?? FileManager.default.temporaryDirectory.appendingPathComponent("kirameki-feeds-\(UUID().uuidString)")
    defer { if dump == nil { try? FileManager.default.removeItem(at: folder) } }
    for path in paths {
      try write(Data("<!doctype html><title>page</title>".utf8), to: folder.appendingPathComponent(path))
    }
    let files = FeedFiles.files(for: site, htmlPaths: paths, sitemapURLs: sitemapURLs)
    #expect(files.contains { $0.path == "sitemap-2.xml" } == (sitemapURLs == 2))
    for file in files {
      guard case .data(let data) = file.contents else { continue }
      try write(data, to: folder.appendingPathComponent(file.path))
    }

    guard let probe = runTool(["python3", "-c", "import icalendar, feedparser"]), probe.status == 0 else {
      Issue.record(
        """
        python3 with the PyPI packages icalendar and feedparser is needed to check the feeds with real \
        clients; run scripts/test (which installs them) or 'python3 -m pip install icalendar feedparser'
        """)
      return
    }
    let script = Self.repository + "/Tests/Clients/check_feeds.py"
    let result = try #require(runTool(["python3", script, folder.path]), "python3 could not start")
    #expect(result.status == 0, "check_feeds.py failed:\n\(result.output)")
    // Four Japanese seminar pages and the feed; the feed holds the four seminars not yet over.
    #expect(result.output.contains("OK: 5 calendars (8 events)"), "\(result.output)")
  }

  func write(_ data: Data, to url: URL) throws {
    try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try data.write(to: url)
  }
}
