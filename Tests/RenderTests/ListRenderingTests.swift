import Assemble
import Decode
import Foundation
import Load
import Markdown
import Mustache
import Schema
import Synchronization
import Testing

@testable import Render

@Suite struct ListRenderingTests {
  let now = DateTime(iso: "2026-11-25T12:00:00+09:00") ?? DateTime(epochSeconds: 0, offsetSeconds: 0)

  /// `count` news items in Japanese, some translated into English, two per list page.
  func renderer(count: Int) throws -> Renderer {
    let config = SiteConfig(
      title: Labels(ja: "ハブ", en: "Hub"), tagline: Labels(ja: "", en: ""), baseURL: "https://hub.example.org/",
      languages: [.ja, .en], pageSize: 2, theme: "default")
    var items: [(Entry, Document)] = []
    for number in 0..<count {
      let day = try #require(LocalDate(iso: String(format: "2026-10-%02d", number % 28 + 1)))
      for language in number % 3 == 0 ? [Language.ja, .en] : [.ja] {
        let title = "お知らせ <\(number)> & \"引用\" \(language.rawValue)"
        let id = String(format: "item-%03d", number)
        let entry = Entry(
          type: ContentTypes.news, id: id, language: language, path: "content/news/\(id).\(language.rawValue).md",
          title: title, date: day, draft: false,
          fields: [
            "title": .string(title), "date": .date(day), "tags": .list([.string("laser"), .string("t\(number % 4)")]),
          ], body: "本文 \(number)。", bodyLine: 1)
        items.append((entry, MarkdownRenderer.render(entry.body, language: language)))
      }
    }
    let (site, _) = Assembler.assemble(items, config: config, now: now)
    let theme = try #require(Theme.load(root: repository, name: "default", io: .disk).0)
    return Renderer(site: site, theme: theme)
  }

  func html(_ renderer: Renderer, _ job: RenderJob) throws -> String {
    guard case .data(let data) = try renderer.render(job).get().contents else { return "" }
    return String(decoding: data, as: UTF8.self)
  }

  @Test(
    arguments: [
      (1, 1, [1]),
      (3, 5, [1, 2, 3, 4, 5]),
      (1, 100, [1, 2, 3, nil, 100]),
      (5, 100, [1, 2, 3, 4, 5, 6, 7, nil, 100]),
      (50, 100, [1, nil, 48, 49, 50, 51, 52, nil, 100]),
      (100, 100, [1, nil, 98, 99, 100]),
      (4, 7, [1, 2, 3, 4, 5, 6, 7]),
    ] as [(Int, Int, [Int?])])
  func paginationShowsTheEndsAndTheCurrentNeighbourhood(current: Int, total: Int, expected: [Int?]) {
    #expect(Renderer.paginationWindow(current: current, total: total) == expected)
  }

  @Test func aLongListLinksAWindowOfPagesNotEveryPage() throws {
    let renderer = try renderer(count: 40)
    let section = try #require(renderer.site.sections.firstIndex { $0.type == ContentTypes.news })
    let page = try html(renderer, .section(section, page: 10, .ja))
    for number in [1, 8, 9, 11, 12, 20] {
      #expect(page.contains("href=\"/news/\(number == 1 ? "" : "page/\(number)/")\" aria-label=\"\(number)ページ目\""))
    }
    #expect(page.contains("<span aria-current=\"page\">10</span>"))
    #expect(!page.contains("/news/page/5/\""))
    #expect(page.components(separatedBy: "<li class=\"gap\" aria-hidden=\"true\">…</li>").count == 3)
  }

  /// Cards are rendered once per entry and language and inserted as `{{{card_html}}}`; the result
  /// must be what rendering the `card` partial in place gives, on every kind of list.
  @Test func cachedCardsEqualTheCardPartialRenderedInPlace() throws {
    let renderer = try renderer(count: 12)
    var library = MustacheLibrary()
    let folder = repository + "/themes/default/templates"
    for name in try FileManager.default.contentsOfDirectory(atPath: folder) where name.hasSuffix(".mustache") {
      let text = try String(contentsOfFile: folder + "/" + name, encoding: .utf8)
      #expect(name == "card.mustache" || !text.contains("{{> card}}"), "\(name) still renders the partial")
      let inPlace = text.replacingOccurrences(of: "{{{card_html}}}", with: "{{> card}}")
      library.register(try MustacheTemplate(string: inPlace), named: String(name.dropLast(".mustache".count)))
    }
    let entry = try #require(renderer.site.pages.indices.first { !(renderer.site.related[$0] ?? []).isEmpty })
    let tags = try #require(renderer.site.taxonomies.firstIndex { $0.taxonomy.field == "tags" && !$0.terms.isEmpty })
    let news = try #require(renderer.site.sections.firstIndex { $0.type == ContentTypes.news })
    let jobs: [RenderJob] = [
      .home(.ja), .home(.en), .section(news, page: 1, .ja), .section(news, page: 2, .en), .entry(entry),
      .term(tags, 0, page: 1, .en),
    ]
    for job in jobs {
      let (template, _, context) = renderer.view(for: job)
      let expected = try #require(library.render(context, withTemplate: template))
      let cached = try html(renderer, job)
      #expect(cached == expected, "\(job)")
      #expect(cached.contains("&lt;") && cached.contains("class=\"card\""), "\(job) shows no card")
    }
  }

  /// Lists that insert `card_html` never build the card's fields; a theme asking for a field gets it.
  @Test func aCardMakesItsFieldsOnlyWhenATemplateAsksForOne() throws {
    let made = Mutex(0)
    let card = CardView(html: "<li>card</li>") {
      made.withLock { $0 += 1 }
      return ["title": "題名"]
    }
    let list = ["items": [card, card]]
    #expect(
      try MustacheTemplate(string: "{{#items}}{{{card_html}}}{{/items}}").render(list) == "<li>card</li><li>card</li>")
    #expect(made.withLock { $0 } == 0)
    #expect(try MustacheTemplate(string: "{{#items}}{{title}}{{/items}}").render(list) == "題名題名")
    #expect(made.withLock { $0 } == 1, "made once, then kept by the card")
    let plain = CardView(html: nil) { ["card_html": "from fields"] }
    #expect(plain.child(named: "card_html") as? String == "from fields")
  }

  @Test func jsonLDTextIsWhatJSONSerializationWrites() throws {
    let value: JSONLD = [
      "@context": "https://schema.org",
      "@graph": [
        [
          "@type": "Event", "name": "レーザー </script> \"光\" \\ 医療", "startDate": "2026-12-03T14:00:00+09:00",
          "inLanguage": "ja", "image": "a/b", "dateModified": "x", "datePublished": "y", "Zed": 1, "alpha": -3,
          "control": "tab\there\nnew\u{01}\u{1F}\u{7F}\u{0C}\u{08}\r", "emoji": "🩺 Ä", "empty": "",
          "nested": ["list": [1, "two", ["deep": "v"], true, false], "B": "upper", "a": "lower"],
        ]
      ],
    ]
    func foundation(_ value: JSONLD) -> Any {
      switch value {
      case .string(let string): string
      case .int(let number): number
      case .bool(let flag): flag
      case .array(let array): array.map(foundation)
      case .object(let object): object.mapValues(foundation)
      }
    }
    let expected = String(
      decoding: try JSONSerialization.data(withJSONObject: foundation(value), options: [.sortedKeys]), as: UTF8.self)
    #expect(JSONLDText.encode(value) == expected)
  }

  @Test func themeTemplatesEscapeLikeMustacheOverBytes() throws {
    let samples = ["", "plain 日本語", "<script>alert('x')</script>", "a & b \"c\" 'd' > e", "🩺<ä>&", "&amp;"]
    var plain = MustacheLibrary()
    plain.register(try MustacheTemplate(string: "{{value}}"), named: "t")
    let files = ["/site/themes/default/templates/t.mustache": "{{value}}\n"]
    let theme = try #require(Theme.load(root: "/site", name: "default", io: .memory(files)).0)
    for sample in samples {
      let expected = try #require(plain.render(["value": sample], withTemplate: "t"))
      #expect(HTMLEscaping().escapeText(sample) == expected)
      #expect(theme.library.render(["value": sample], withTemplate: "t") == expected + "\n")
    }
  }

  @Test func templateErrorsKeepTheirLineNumbers() throws {
    let files = ["/site/themes/default/templates/t.mustache": "line one\n{{#a}}{{/b}}\n"]
    let (_, diagnostics) = Theme.load(root: "/site", name: "default", io: .memory(files))
    let error = try #require(diagnostics.first)
    #expect(error.location.line == 2)
    #expect(error.location.lineText == "{{#a}}{{/b}}")
  }
}
