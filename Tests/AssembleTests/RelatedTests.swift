import Decode
import Load
import Markdown
import Schema
import Testing

@testable import Assemble

/// A page with a title, a summary and taxonomy lists, built without the assembler.
private func relatedPage(
  _ type: ContentType, _ id: String, _ language: Language = .ja, title: String? = nil, summary: String = "",
  date: String = "2026-10-01", lists: [String: [String]] = [:]
) -> Page {
  var fields: [String: FieldValue] = [:]
  for (name, items) in lists { fields[name] = .list(items.map { .string($0) }) }
  if !summary.isEmpty { fields["summary"] = .string(summary) }
  let (entry, document) = entry(type, id, language, title: title ?? id, date: date, fields: fields)
  return Page(entry: entry, document: document, url: Page.url(section: type.section, id: id, language: language))
}

/// Ids of the related pages of the page with `id` (its first version).
private func relatedIDs(_ id: String, _ pages: [Page], _ result: [Int: [Int]]) -> [String] {
  guard let index = pages.firstIndex(where: { $0.entry.id == id }) else { return [] }
  return (result[index] ?? []).map { pages[$0].entry.id }
}

@Suite struct RelatedTests {
  @Test func sharedTagsRankAboveUnrelatedAndThePageIsNeverItsOwnRelative() {
    let pages = [
      relatedPage(
        ContentTypes.need, "nicu", title: "保育器内でのセンサー固定",
        lists: ["tags": ["NICU", "センサー固定"], "focus_areas": ["perinatal_pediatric_preventive"]]),
      relatedPage(ContentTypes.seminar, "nicu-seminar", title: "ニーズ発表会", lists: ["tags": ["NICU", "センサー固定"]]),
      // Full-width letters: NFKC makes the tag the same as "NICU".
      relatedPage(ContentTypes.news, "nicu-news", title: "見学会のお知らせ", lists: ["tags": ["ＮＩＣＵ"]]),
      relatedPage(
        ContentTypes.guide, "focus-guide", title: "重点分野", lists: ["focus_areas": ["perinatal_pediatric_preventive"]]),
      relatedPage(ContentTypes.guide, "eu-guide", title: "EU MDR", lists: ["eu_class": ["IIa"]]),
      relatedPage(ContentTypes.company, "lens-maker", title: "レンズ", lists: ["tech_areas": ["optics"]]),
    ]
    let result = Related.compute(pages: pages, primary: Array(pages.indices))
    #expect(relatedIDs("nicu", pages, result) == ["nicu-seminar", "nicu-news", "focus-guide"])
    #expect(relatedIDs("nicu-news", pages, result) == ["nicu", "nicu-seminar"])
    #expect(relatedIDs("lens-maker", pages, result) == [])
    #expect(Set(result.keys) == Set(pages.indices), "every page gets an entry")
    for (page, related) in result {
      #expect(!related.contains(page))
    }
  }

  @Test func translationsAreNeverRelated() {
    // Both versions passed as primary on purpose: still never each other's relatives.
    let pages = [
      relatedPage(ContentTypes.news, "visit", .ja, title: "バイエルン訪問団", lists: ["tags": ["bavaria"]]),
      relatedPage(ContentTypes.news, "visit", .en, title: "Bavarian delegation", lists: ["tags": ["bavaria"]]),
      relatedPage(ContentTypes.news, "fair", .ja, title: "展示会", lists: ["tags": ["bavaria"]]),
    ]
    let result = Related.compute(pages: pages, primary: [0, 1, 2])
    #expect(result[0] == [2])
    #expect(result[1] == [2])
    #expect(result[2] == [0, 1])

    // Through the assembler only the Japanese version is primary; the English one is not listed.
    let (site, _) = Assembler.assemble(
      [
        entry(ContentTypes.news, "visit", .ja, fields: ["tags": .list([.string("bavaria")])]),
        entry(ContentTypes.news, "visit", .en, fields: ["tags": .list([.string("bavaria")])]),
        entry(ContentTypes.news, "fair", .ja, fields: ["tags": .list([.string("bavaria")])]),
      ], config: config, now: moment("2026-11-25T12:00:00+09:00"))
    let primary = site.sections.flatMap(\.items)
    let assembled = Related.compute(pages: site.pages, primary: primary)
    for (page, related) in assembled {
      #expect(related.allSatisfy { site.pages[$0].entry.id != site.pages[page].entry.id })
      #expect(related.allSatisfy { primary.contains($0) })
    }
  }

  @Test func theLimitIsRespected() {
    let pages = (0..<7).map { relatedPage(ContentTypes.news, "n\($0)", lists: ["tags": ["exchange"]]) }
    let two = Related.compute(pages: pages, primary: Array(pages.indices), limit: 2)
    #expect(two.values.allSatisfy { $0.count == 2 })
    let four = Related.compute(pages: pages, primary: Array(pages.indices))
    #expect(four.values.allSatisfy { $0.count == 4 })
    let none = Related.compute(pages: pages, primary: Array(pages.indices), limit: 0)
    #expect(none.count == 7 && none.values.allSatisfy { $0.isEmpty })
    #expect(Related.compute(pages: pages, primary: []).isEmpty)
    #expect(Related.compute(pages: pages, primary: [-1, 42]).isEmpty)
  }

  @Test func similarJapaneseTitlesAreRelatedWithoutSharedTerms() {
    let pages = [
      relatedPage(ContentTypes.need, "jaundice", title: "新生児黄疸の光線療法で、赤ちゃんに届く光の量を確かめたい"),
      relatedPage(ContentTypes.seminar, "phototherapy-talk", title: "新生児黄疸と光線療法の最新動向"),
      relatedPage(ContentTypes.need, "eye-tools", title: "眼科手術用の器具の先端を傷みにくくしたい"),
      relatedPage(ContentTypes.news, "delegation", title: "バイエルンから訪問団が来日"),
    ]
    let result = Related.compute(pages: pages, primary: Array(pages.indices))
    #expect(relatedIDs("jaundice", pages, result) == ["phototherapy-talk"])
    #expect(relatedIDs("phototherapy-talk", pages, result) == ["jaundice"])
    #expect(relatedIDs("delegation", pages, result) == [])
    // The summary counts as well as the title.
    let withSummary =
      pages + [
        relatedPage(ContentTypes.news, "report", title: "報告", summary: "赤ちゃんに届く光の量の測り方について意見交換しました。")
      ]
    let more = Related.compute(pages: withSummary, primary: Array(withSummary.indices))
    #expect(relatedIDs("report", withSummary, more).first == "jaundice")
  }

  @Test func theResultIsDeterministic() {
    let tags = ["NICU", "レーザー", "光学", "ISO 13485", "薬機法"]
    let pages = (0..<60).map { number in
      relatedPage(
        [ContentTypes.news, ContentTypes.seminar, ContentTypes.need][number % 3], "p\(number)",
        title: "医療機器の試作 \(tags[number % 5]) 第\(number % 7)回", date: "2026-\(10 + number % 3)-0\(1 + number % 9)",
        lists: [
          "tags": [tags[number % 5], tags[(number * 3) % 5]], "tech_areas": [number % 2 == 0 ? "optics" : "sensors"],
        ])
    }
    let first = Related.compute(pages: pages, primary: Array(pages.indices))
    #expect(Related.compute(pages: pages, primary: Array(pages.indices).reversed()) == first)
    #expect(Related.compute(pages: pages, primary: Array(pages.indices)) == first)
  }

  @Test func theCostPerPageStaysBoundedWhenEveryPageSharesEverything() {
    // Every page has the same tag, focus area and nearly the same title: the worst case for an
    // inverted index. The work per page must stay bounded instead of growing with the page count.
    func visitsPerPage(_ count: Int) -> (Double, Related.Stats) {
      let pages = (0..<count).map { number in
        relatedPage(
          ContentTypes.news, "n\(number)", title: "医療ものづくり交流会 第\(number)回のお知らせ",
          date: "2026-\(1 + number % 12 < 10 ? "0" : "")\(1 + number % 12)-\(10 + number % 18)",
          lists: ["tags": ["交流"], "focus_areas": ["laser_photonics"]])
      }
      var stats = Related.Stats()
      let result = Related.compute(pages: pages, primary: Array(pages.indices), limit: 4, stats: &stats)
      #expect(result.count == count && result.values.allSatisfy { $0.count == 4 })
      return (Double(stats.visits) / Double(count), stats)
    }
    let (small, _) = visitsPerPage(400)
    let (large, stats) = visitsPerPage(2_000)
    #expect(large <= Double((2 + Related.bigramsPerPage) * Related.postingWindow))
    #expect(large <= small * 1.25, "five times the pages, about the same work per page")
    #expect(stats.candidates <= 2_000 * Related.maxCandidates)
  }

  /// The build finds related entries and matches beside the search index, which empties the
  /// pages' texts meanwhile: the relations hold what they need and give what `assemble` gives.
  @Test func relationsFoundApartGiveWhatAssemblingGives() {
    let rendered = [
      entry(ContentTypes.news, "visit", .ja, fields: ["tags": .list([.string("bavaria")])]),
      entry(ContentTypes.news, "visit", .en, fields: ["tags": .list([.string("bavaria")])]),
      entry(ContentTypes.news, "fair", .ja, fields: ["tags": .list([.string("bavaria"), .string("fair")])]),
      entry(ContentTypes.seminar, "dojo", .ja, fields: ["tags": .list([.string("fair")])]),
      entry(
        ContentTypes.company, "optics",
        fields: ["tech_areas": .list([.string("optics")]), "medical_involvement": .string("supplier_to_mah")]),
      entry(
        ContentTypes.need, "scope",
        fields: ["kind": .string("clinical_need"), "status": .string("open"), "tech_areas": .list([.string("optics")])]),
    ]
    let now = moment("2026-11-25T12:00:00+09:00")
    let (whole, _) = Assembler.assemble(rendered, config: config, now: now)
    var (apart, _, relations) = Assembler.assembleLeavingRelations(rendered, config: config, now: now)
    #expect(apart.related.isEmpty && apart.matches.isEmpty)
    #expect(!whole.related.isEmpty)
    for index in apart.pages.indices {
      apart.pages[index].document.plainText = ""
      apart.pages[index].entry.body = ""
    }
    (apart.related, apart.matches) = relations.compute()
    #expect(apart.related == whole.related)
    #expect(apart.matches == whole.matches)
    #expect(!whole.matches.isEmpty)
    for page in relations.pages {
      #expect(page.entry.body.isEmpty && page.entry.fieldPositions.isEmpty)
      #expect(page.document.html.isEmpty && page.document.plainText.isEmpty && page.document.toc.isEmpty)
    }
    #expect(relations.pages.map(\.summary) == whole.pages.map(\.summary), "each page's summary is kept")
    let visit = whole.pages.indices.filter { whole.pages[$0].entry.id == "visit" }
    #expect(visit.count == 2 && whole.related[visit[0]] == whole.related[visit[1]], "versions share one list")
  }
}
