import Assemble
import Decode
import Feeds
import Foundation
import Schema
import Testing

@Suite struct SyndicationFeedTests {
  typealias F = Fixture

  static let awkward = #"R&D <Laser> "Optik" & Co's \ path"#

  var site: Site {
    F.site([
      F.entry(
        ContentTypes.news, "visit", .ja, title: "バイエルン訪問団", date: "2026-10-05",
        body: "詳しくは[企業一覧](/companies/)と[外部](https://example.com/)、![図](/images/a.png)を。",
        fields: ["category": .string("exchange"), "summary": .string("訪問団の報告です。")]),
      F.entry(
        ContentTypes.news, "visit", .en, title: "Bavarian delegation", date: "2026-10-05",
        fields: ["category": .string("exchange")]),
      F.entry(
        ContentTypes.news, "fair", .de, title: "Messe", date: "2026-09-01",
        fields: ["category": .string("trade_fair")]),
      F.entry(
        ContentTypes.need, "awkward", title: Self.awkward, date: "2026-08-01",
        fields: [
          "kind": .string("tech_seed"), "status": .string("open"), "confidentiality": .string("public"),
          "summary": .string("line one\nline two \u{01}\t\"quoted\""), "updated": .date(F.day("2026-11-20")),
        ]),
      F.entry(ContentTypes.page, "about", title: "About", date: "2026-11-24"),
      F.entry(ContentTypes.glossary, "qms", title: "QMS", date: "2026-11-24"),
    ])
  }

  @Test func everyFeedIsWrittenInBothFormats() {
    let paths = Set(F.files(site).keys)
    for folder in ["", "seminars/", "needs/", "companies/", "guides/", "news/"] {
      #expect(paths.contains(folder + "feed.xml") && paths.contains(folder + "feed.json"), "\(folder)")
    }
    #expect(!paths.contains("pages/feed.xml") && !paths.contains("glossary/feed.xml"))
  }

  @Test func theSiteAtomFeedListsOneVersionPerEntryNewestFirst() throws {
    let text = try #require(F.files(site)["feed.xml"])
    let feed = try #require(XMLNode.parse(text), "well-formed XML")
    #expect(feed.name == "feed")
    #expect(feed.attributes["xmlns"] == "http://www.w3.org/2005/Atom")
    #expect(feed.first("id")?.text == "https://hub.example.org/")
    #expect(feed.first("title")?.text == "さいたま医療ものづくりハブ")
    #expect(
      feed.all("link").first { $0.attributes["rel"] == "self" }?.attributes["href"]
        == "https://hub.example.org/feed.xml")
    #expect(feed.first("updated")?.text == "2026-11-20T00:00:00+09:00", "the newest change, not the clock")
    let entries = feed.all("entry")
    #expect(
      entries.compactMap { $0.first("id")?.text } == [
        "https://hub.example.org/news/visit/", "https://hub.example.org/de/news/fair/",
        "https://hub.example.org/needs/awkward/",
      ], "no pages, no glossary, no duplicate translation; German-only news included")
    let visit = try #require(entries.first)
    #expect(visit.attributes["xml:lang"] == "ja")
    #expect(visit.first("title")?.text == "バイエルン訪問団")
    #expect(visit.first("published")?.text == "2026-10-05T00:00:00+09:00")
    #expect(visit.first("updated")?.text == "2026-10-05T00:00:00+09:00")
    #expect(visit.first("summary")?.text == "訪問団の報告です。")
    #expect(visit.first("link")?.attributes["href"] == "https://hub.example.org/news/visit/")
    #expect(entries[1].attributes["xml:lang"] == "de")
  }

  @Test func atomContentIsEscapedHTMLWithAbsoluteLinks() throws {
    let text = try #require(F.files(site)["feed.xml"])
    let feed = try #require(XMLNode.parse(text))
    let content = try #require(feed.first("entry")?.first("content"))
    #expect(content.attributes["type"] == "html")
    #expect(content.text.contains(#"<a href="https://hub.example.org/companies/">企業一覧</a>"#))
    #expect(content.text.contains(#"<a href="https://example.com/">"#))
    #expect(content.text.contains(#"src="https://hub.example.org/images/a.png""#))
    #expect(text.contains("&lt;a href="), "HTML is escaped, not embedded")
  }

  @Test func userTextIsEscapedInAtom() throws {
    let text = try #require(F.files(site)["needs/feed.xml"])
    #expect(text.contains("<title>R&amp;D &lt;Laser&gt; \"Optik\" &amp; Co's \\ path</title>"))
    let feed = try #require(XMLNode.parse(text), "well-formed although the title has & < > \" '")
    let entry = try #require(feed.first("entry"))
    #expect(entry.first("title")?.text == Self.awkward)
    #expect(entry.first("summary")?.text == "line one\nline two \t\"quoted\"", "a control character is dropped")
    #expect(entry.first("updated")?.text == "2026-11-20T00:00:00+09:00")
    #expect(entry.first("published")?.text == "2026-08-01T00:00:00+09:00")
    #expect(feed.first("title")?.text == "ニーズ・シーズ — さいたま医療ものづくりハブ")
    #expect(feed.first("id")?.text == "https://hub.example.org/needs/")
  }

  @Test func theJSONFeedHasTheRequiredKeysAndRoundTrips() throws {
    let text = try #require(F.files(site)["feed.json"])
    let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    #expect(object["version"] as? String == "https://jsonfeed.org/version/1.1")
    #expect(object["title"] as? String == "さいたま医療ものづくりハブ")
    #expect(object["home_page_url"] as? String == "https://hub.example.org/")
    #expect(object["feed_url"] as? String == "https://hub.example.org/feed.json")
    #expect(object["language"] as? String == "ja")
    let items = try #require(object["items"] as? [[String: Any]])
    #expect(items.count == 3)
    let first = items[0]
    #expect(first["id"] as? String == "https://hub.example.org/news/visit/")
    #expect(first["url"] as? String == "https://hub.example.org/news/visit/")
    #expect(first["title"] as? String == "バイエルン訪問団")
    #expect(first["summary"] as? String == "訪問団の報告です。")
    #expect(first["date_published"] as? String == "2026-10-05T00:00:00+09:00")
    #expect(first["language"] as? String == "ja")
    #expect((first["content_html"] as? String)?.contains(#"href="https://hub.example.org/companies/""#) == true)
    let awkward = items[2]
    #expect(awkward["title"] as? String == Self.awkward)
    #expect(awkward["summary"] as? String == "line one\nline two \u{01}\t\"quoted\"", "JSON keeps every character")
    #expect(awkward["date_modified"] as? String == "2026-11-20T00:00:00+09:00")
    #expect(!text.contains("\\/"), "slashes are not escaped")
    #expect(text.hasPrefix("{\n  \"version\": "))
  }

  @Test func feedsKeepTheNewestFifty() throws {
    let many = (0..<60).map { number in
      F.entry(
        ContentTypes.news, "n\(number)", date: LocalDate(daysSinceEpoch: 20_000 + number).description,
        fields: ["category": .string("announcement")])
    }
    let text = try #require(F.files(F.site(many))["news/feed.json"])
    let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    let ids = (object["items"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
    #expect(ids.count == 50)
    #expect(ids.first == "https://hub.example.org/news/n59/")
    #expect(ids.last == "https://hub.example.org/news/n10/")
  }

  @Test func anEmptyFeedIsStillValidAndDated() throws {
    let files = F.files(site)
    let xml = try #require(files["guides/feed.xml"])
    let atom = try #require(XMLNode.parse(xml))
    #expect(atom.all("entry").isEmpty)
    #expect(atom.first("updated")?.text == "2026-11-24T00:00:00+09:00", "the site's newest date, deterministic")
    let json = try #require(files["guides/feed.json"])
    #expect(json.contains("\"items\": []"))
  }

  @Test func outputIsByteIdenticalAcrossRuns() {
    let once = FeedFiles.files(for: site, htmlPaths: F.htmlPaths(site))
    let twice = FeedFiles.files(for: site, htmlPaths: F.htmlPaths(site).reversed())
    #expect(once == twice)
    #expect(once.map(\.path) == once.map(\.path).sorted())
  }
}
