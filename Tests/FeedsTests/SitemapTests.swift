import Assemble
import Foundation
import Schema
import Testing

@testable import Feeds

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

  /// Past 50,000 URLs (or 50 MB) a sitemap is several: `sitemap.xml` indexes the parts, which
  /// list the same URLs in the same order, each part within the limits.
  @Test(arguments: [1, 3, 7])
  func moreURLsThanOneSitemapMayListAreSplitUnderAnIndex(maxURLs: Int) throws {
    let single = try #require(F.files(site, htmlPaths: htmlPaths)["sitemap.xml"])
    let singleRoot = try #require(XMLNode.parse(single))
    let files = F.files(site, htmlPaths: htmlPaths, sitemapURLs: maxURLs)
    let indexText = try #require(files["sitemap.xml"])
    let index = try #require(XMLNode.parse(indexText), "well-formed XML")
    #expect(index.name == "sitemapindex")
    #expect(index.attributes["xmlns"] == "http://www.sitemaps.org/schemas/sitemap/0.9")
    let locs = index.all("sitemap").compactMap { $0.first("loc")?.text }
    let urlCount = singleRoot.all("url").count
    #expect(locs.count == (urlCount + maxURLs - 1) / maxURLs)
    #expect(locs == locs.indices.map { "https://hub.example.org/sitemap-\($0 + 1).xml" })
    var urls: [XMLNode] = []
    for number in locs.indices {
      let partText = try #require(files["sitemap-\(number + 1).xml"])
      let part = try #require(XMLNode.parse(partText))
      #expect(part.name == "urlset" && part.attributes["xmlns:xhtml"] == "http://www.w3.org/1999/xhtml")
      #expect((1...maxURLs).contains(part.all("url").count))
      urls += part.all("url")
    }
    #expect(urls.map(described) == singleRoot.all("url").map(described), "the single sitemap's URLs, in its order")
    #expect(Set(files.keys.filter { $0.hasPrefix("sitemap") }).count == locs.count + 1, "no other sitemap file")
  }

  /// A `<url>` element as text: its location, date and alternates.
  func described(_ url: XMLNode) -> String {
    let links = url.all("xhtml:link").map { "\($0.attributes["hreflang"] ?? "")=\($0.attributes["href"] ?? "")" }
    return ([url.first("loc")?.text ?? "", url.first("lastmod")?.text ?? ""] + links).joined(separator: " ")
  }

  @Test func oneSitemapHoldsFiftyThousandURLsAndFiftyMegabytes() throws {
    #expect(Sitemap.maxURLs == 50_000 && Sitemap.maxBytes == 50 * 1024 * 1024)
    let lists = (1...50_001).map { "tags/t/page/\($0)/index.html" }
    let files = F.files(site, htmlPaths: lists)
    let indexText = try #require(files["sitemap.xml"])
    #expect(XMLNode.parse(indexText)?.all("sitemap").count == 2)
    let first = try #require(files["sitemap-1.xml"])
    let second = try #require(files["sitemap-2.xml"])
    #expect(first.components(separatedBy: "<url>").count - 1 == 50_000)
    #expect(second.components(separatedBy: "<url>").count - 1 == 1)
    let fits = F.files(site, htmlPaths: Array(lists.prefix(50_000)))
    let single = try #require(fits["sitemap.xml"])
    #expect(XMLNode.parse(single)?.name == "urlset")
    #expect(fits["sitemap-1.xml"] == nil)
  }

  @Test func aPartLargerThanTheByteLimitIsHalvedUntilItFits() throws {
    let links = SiteLinks(baseURL: "https://hub.example.org/")
    let whole = String(
      decoding: Sitemap.urlset(Sitemap.entries(for: site, htmlPaths: htmlPaths, links: links)[...]), as: UTF8.self)
    let limit = whole.utf8.count / 3
    let files = Sitemap.files(for: site, htmlPaths: htmlPaths, links: links, maxBytes: limit)
    let parts = files.dropFirst().compactMap { file -> String? in
      guard case .data(let data) = file.contents else { return nil }
      return String(decoding: data, as: UTF8.self)
    }
    #expect(parts.count >= 3)
    #expect(parts.allSatisfy { $0.utf8.count <= limit })
    let urls = parts.flatMap { (XMLNode.parse($0)?.all("url") ?? []) }
    #expect(urls.map(described) == (XMLNode.parse(whole)?.all("url") ?? []).map(described))
  }

  /// A base URL with characters XML escapes: every `loc` and `href` still reads back as the URL.
  @Test func urlsAreEscapedInElementsAndAttributes() throws {
    let links = SiteLinks(baseURL: "https://hub.example.org/a&b'<c>/")
    let files = Sitemap.files(for: site, htmlPaths: htmlPaths, links: links)
    guard case .data(let data) = try #require(files.first).contents else {
      Issue.record("the sitemap has no bytes")
      return
    }
    let root = try #require(XMLNode.parse(String(decoding: data, as: UTF8.self)), "well-formed XML")
    let locs = root.all("url").compactMap { $0.first("loc")?.text }
    #expect(locs.count == 8 && locs.allSatisfy { $0.hasPrefix("https://hub.example.org/a&b'<c>/") })
    let visit = try #require(
      root.all("url").first { $0.first("loc")?.text == "https://hub.example.org/a&b'<c>/news/visit/" })
    #expect(alternates(visit)["en"] == "https://hub.example.org/a&b'<c>/en/news/visit/")
  }

  @Test func robotsAllowsEverythingAndPointsAtTheSitemap() {
    let robots = F.files(site)["robots.txt"]
    #expect(robots == "User-agent: *\nAllow: /\n\nSitemap: https://hub.example.org/sitemap.xml\n")
  }
}
