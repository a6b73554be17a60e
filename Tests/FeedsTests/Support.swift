import Assemble
import Decode
import Foundation
import Load
import Markdown
import Render
import Schema

@testable import Feeds

/// Small sites for the feed tests, built the way the pipeline builds them: entries rendered
/// by `MarkdownRenderer` and assembled by `Assembler`.
enum Fixture {
  static let now = moment("2026-11-25T12:00:00+09:00")

  static let config = SiteConfig(
    title: Labels(ja: "さいたま医療ものづくりハブ", en: "Saitama Medical Monozukuri Hub"),
    tagline: Labels(ja: "ものづくりと医療をつなぐ", en: "Manufacturing meets medicine"),
    baseURL: "https://hub.example.org/", languages: Language.allCases, pageSize: 10, theme: "default")

  static func moment(_ text: String) -> DateTime {
    DateTime(iso: text) ?? DateTime(epochSeconds: 0, offsetSeconds: 0)
  }

  static func day(_ text: String) -> LocalDate {
    LocalDate(iso: text) ?? LocalDate(daysSinceEpoch: 0)
  }

  static func entry(
    _ type: ContentType, _ id: String, _ language: Language = .ja, title: String? = nil, date: String = "2026-10-01",
    body: String = "", fields: [String: FieldValue] = [:]
  ) -> (Entry, Document) {
    var all = fields
    all["title"] = .string(title ?? id)
    all["date"] = .date(day(date))
    let entry = Entry(
      type: type, id: id, language: language, path: "content/\(type.section)/\(id).\(language.rawValue).md",
      title: title ?? id, date: day(date), draft: false, fields: all, body: body, bodyLine: 1)
    return (entry, MarkdownRenderer.render(body, language: language))
  }

  /// A seminar in Japan time with the required fields; `extra` adds or overrides fields.
  static func seminar(
    _ id: String, _ language: Language = .ja, title: String? = nil, start: String, end: String,
    attendance: String = "offline", date: String = "2026-10-01", body: String = "",
    extra: [String: FieldValue] = [:]
  ) -> (Entry, Document) {
    var fields: [String: FieldValue] = [
      "start": .datetime(moment(start)), "end": .datetime(moment(end)), "attendance": .string(attendance),
      "organizer": .string("さいたま市"),
    ]
    fields.merge(extra) { _, new in new }
    return entry(ContentTypes.seminar, id, language, title: title, date: date, body: body, fields: fields)
  }

  static func site(_ entries: [(Entry, Document)], now: DateTime = now) -> Site {
    Assembler.assemble(entries, config: config, now: now).0
  }

  /// The HTML paths the renderer would write for the site's entry pages, plus home pages and 404.
  static func htmlPaths(_ site: Site) -> [String] {
    site.pages.map { OutputFile.htmlPath(forURL: $0.url) } + ["index.html", "en/index.html", "404.html"]
  }

  /// Feed files by path, as text.
  static func files(_ site: Site, htmlPaths: [String]? = nil, sitemapURLs: Int = Sitemap.maxURLs) -> [String: String] {
    var texts: [String: String] = [:]
    for file in FeedFiles.files(for: site, htmlPaths: htmlPaths ?? Self.htmlPaths(site), sitemapURLs: sitemapURLs) {
      if case .data(let data) = file.contents { texts[file.path] = String(decoding: data, as: UTF8.self) }
    }
    return texts
  }
}

extension String {
  /// iCalendar text unfolded (RFC 5545 §3.1) and split into its content lines.
  var icalLines: [String] {
    replacingOccurrences(of: "\r\n ", with: "").components(separatedBy: "\r\n").filter { !$0.isEmpty }
  }

  /// The VEVENT blocks of an unfolded calendar, each as its content lines.
  var icalEvents: [[String]] {
    var events: [[String]] = []
    var current: [String]?
    for line in icalLines {
      if line == "BEGIN:VEVENT" { current = [] }
      if line == "END:VEVENT", let event = current { events.append(event) }
      if line != "BEGIN:VEVENT", line != "END:VEVENT" { current?.append(line) }
    }
    return events
  }
}

extension [String] {
  /// The value of the first content line named `name` (with or without parameters).
  func property(_ name: String) -> String? {
    for line in self where line.hasPrefix(name + ":") || line.hasPrefix(name + ";") {
      if let colon = line.firstIndex(of: ":") { return String(line[line.index(after: colon)...]) }
    }
    return nil
  }
}
