import Assemble
import Foundation
import Schema
import Testing

@Suite struct SitemapTests {
  typealias F = Fixture

  var site: Site {
    F.site([
      F.entry(ContentTypes.news, "visit", .ja, date: "2026-10-05", fields: ["category": .string("exchange")]),
      F.entry(
        ContentTypes.news, "visit", .en, date: "2026-10-05",
        fields: ["category": .string("exchange"), "updated": .date(F.day("2026-10-09"))]),
      F.entry(ContentTypes.news, "only-ja", .ja, date: "2026-10-06", fields: ["category": .string("exchange")]),
    ])
  }

  var htmlPaths: [String] {
    [
      "404.html", "index.html", "en/index.html", "news/index.html", "en/news/index.html", "news/visit/index.html",
      "en/news/visit/index.html", "news/only-ja/index.html", "news/page/2/index.html",
    ]
  }

  func urls() throws -> [String: XMLNode] {
    let text = try #require(F.files(site, htmlPaths: htmlPaths)["sitemap.xml"])
    let root = try #require(XMLNode.parse(text), "well-formed XML")
    #expect(root.name == "urlset")
    #expect(root.attributes["xmlns"] == "http://www.sitemaps.org/schemas/sitemap/0.9")
    #expect(root.attributes["xmlns:xhtml"] == "http://www.w3.org/1999/xhtml")
    var byLoc: [String: XMLNode] = [:]
    for url in root.all("url") {
      byLoc[url.first("loc")?.text ?? ""] = url
    }
    let locs = root.all("url").compactMap { $0.first("loc")?.text }
    #expect(locs == locs.sorted(), "sorted")
    return byLoc
  }

  func alternates(_ url: XMLNode?) -> [String: String] {
    var result: [String: String] = [:]
    for link in url?.all("xhtml:link") ?? [] where link.attributes["rel"] == "alternate" {
      result[link.attributes["hreflang"] ?? ""] = link.attributes["href"]
    }
    return result
  }

  @Test func everyPageButThe404IsListedByItsURL() throws {
    let urls = try urls()
    #expect(
      urls.keys.sorted() == [
        "https://hub.example.org/", "https://hub.example.org/en/", "https://hub.example.org/en/news/",
        "https://hub.example.org/en/news/visit/", "https://hub.example.org/news/",
        "https://hub.example.org/news/only-ja/", "https://hub.example.org/news/page/2/",
        "https://hub.example.org/news/visit/",
      ])
  }

  @Test func translatedEntriesListEveryLanguageVersion() throws {
    let urls = try urls()
    let expected = [
      "ja": "https://hub.example.org/news/visit/", "en": "https://hub.example.org/en/news/visit/",
      "x-default": "https://hub.example.org/news/visit/",
    ]
    #expect(alternates(urls["https://hub.example.org/news/visit/"]) == expected)
    #expect(alternates(urls["https://hub.example.org/en/news/visit/"]) == expected)
    #expect(alternates(urls["https://hub.example.org/news/only-ja/"]).isEmpty, "no translations, no alternates")
  }

  @Test func entryPagesCarryTheirLastChange() throws {
    let urls = try urls()
    #expect(urls["https://hub.example.org/news/visit/"]?.first("lastmod")?.text == "2026-10-05")
    #expect(urls["https://hub.example.org/en/news/visit/"]?.first("lastmod")?.text == "2026-10-09")
    #expect(urls["https://hub.example.org/news/"]?.first("lastmod") == nil)
  }

  @Test func listPagesInSeveralLanguagesAreAlternates() throws {
    let urls = try urls()
    #expect(
      alternates(urls["https://hub.example.org/"]) == [
        "ja": "https://hub.example.org/", "en": "https://hub.example.org/en/", "x-default": "https://hub.example.org/",
      ])
    #expect(alternates(urls["https://hub.example.org/news/page/2/"]).isEmpty)
  }

  @Test func robotsAllowsEverythingAndPointsAtTheSitemap() {
    let robots = F.files(site)["robots.txt"]
    #expect(robots == "User-agent: *\nAllow: /\n\nSitemap: https://hub.example.org/sitemap.xml\n")
  }
}
