import Decode
import Load
import Markdown
import Schema
import Testing

@testable import Assemble

func entry(
  _ type: ContentType, _ id: String, _ language: Language = .ja, title: String? = nil, date: String = "2026-10-01",
  fields: [String: FieldValue] = [:]
) -> (Entry, Document) {
  let day = LocalDate(iso: date) ?? LocalDate(daysSinceEpoch: 0)
  var all = fields
  all["title"] = .string(title ?? id)
  all["date"] = .date(day)
  let entry = Entry(
    type: type, id: id, language: language, path: "content/\(type.section)/\(id).\(language.rawValue).md",
    title: title ?? id, date: day, draft: false, fields: all, body: "", bodyLine: 1)
  return (entry, MarkdownRenderer.render("", language: language))
}

func moment(_ text: String) -> DateTime {
  DateTime(iso: text) ?? DateTime(epochSeconds: 0, offsetSeconds: 0)
}

let config = SiteConfig(
  title: Labels(ja: "ハブ", en: "Hub"), tagline: Labels(ja: "", en: ""), baseURL: "https://x.example/",
  languages: Language.allCases, pageSize: 2, theme: "default")

@Suite struct AssemblerTests {
  let now = moment("2026-11-25T12:00:00+09:00")

  func seminar(_ id: String, start: String, end: String) -> (Entry, Document) {
    entry(
      ContentTypes.seminar, id,
      fields: ["start": .datetime(moment(start)), "end": .datetime(moment(end)), "attendance": .string("offline")])
  }

  @Test func seminarsComeSoonestFirstThenPastLatestFirst() {
    let (site, _) = Assembler.assemble(
      [
        seminar("past-old", start: "2026-01-10T14:00:00+09:00", end: "2026-01-10T16:00:00+09:00"),
        seminar("next-late", start: "2027-02-01T14:00:00+09:00", end: "2027-02-01T16:00:00+09:00"),
        seminar("past-recent", start: "2026-11-01T14:00:00+09:00", end: "2026-11-01T16:00:00+09:00"),
        seminar("next-soon", start: "2026-12-01T14:00:00+09:00", end: "2026-12-01T16:00:00+09:00"),
        seminar("today", start: "2026-11-25T10:00:00+09:00", end: "2026-11-25T18:00:00+09:00"),
      ], config: config, now: now)
    let section = site.sections.first { $0.type == ContentTypes.seminar }
    #expect(
      section?.items.map { site.pages[$0].entry.id } == ["today", "next-soon", "next-late", "past-recent", "past-old"])
    #expect(site.home.upcomingSeminars.map { site.pages[$0].entry.id } == ["today", "next-soon", "next-late"])
  }

  @Test func anOpenNeedPastItsExpiryIsExpired() {
    let open = entry(
      ContentTypes.need, "open", fields: ["status": .string("open"), "expires": .date(LocalDate(iso: "2027-01-01")!)])
    let lapsed = entry(
      ContentTypes.need, "lapsed", fields: ["status": .string("open"), "expires": .date(LocalDate(iso: "2026-10-31")!)])
    #expect(Timeline.needStatus(open.0, now: now) == "open")
    #expect(Timeline.needStatus(lapsed.0, now: now) == "expired")
    let (site, _) = Assembler.assemble([open, lapsed], config: config, now: now)
    #expect(site.home.openNeeds.map { site.pages[$0].entry.id } == ["open"])
  }

  @Test func registrationClosesAfterItsDeadlineDayInJapan() {
    var (seminar, _) = seminar("s", start: "2026-12-10T14:00:00+09:00", end: "2026-12-10T16:00:00+09:00")
    seminar.fields["registration_deadline"] = .date(LocalDate(iso: "2026-11-25")!)
    #expect(Timeline.registration(seminar, now: moment("2026-11-25T23:59:00+09:00")) == .closingSoon)
    #expect(Timeline.registration(seminar, now: moment("2026-11-25T15:00:00Z")) == .closed)
    seminar.fields["registration_deadline"] = .date(LocalDate(iso: "2026-12-05")!)
    #expect(Timeline.registration(seminar, now: now) == .open)
    seminar.fields["status"] = .string("cancelled")
    #expect(Timeline.registration(seminar, now: now) == .closed)
  }

  @Test func translationsKnowEachOtherAndListsShowOneVersion() {
    let (site, diagnostics) = Assembler.assemble(
      [
        entry(ContentTypes.news, "visit", .ja, fields: ["category": .string("exchange")]),
        entry(ContentTypes.news, "visit", .en, fields: ["category": .string("exchange")]),
        entry(ContentTypes.news, "fair", .de, fields: ["category": .string("trade_fair")]),
      ], config: config, now: now)
    #expect(diagnostics.isEmpty)
    let ja = site.pages.first { $0.entry.id == "visit" && $0.entry.language == .ja }
    #expect(ja?.url == "/news/visit/")
    #expect(ja?.translations == [.en: "/en/news/visit/"])
    let news = site.sections.first { $0.type == ContentTypes.news }?.items.map { site.pages[$0].url }
    #expect(news?.sorted() == ["/de/news/fair/", "/news/visit/"], "German-only news is listed by its German page")
  }

  @Test func taxonomyTermsHaveASCIISlugsAndVocabularyOrder() {
    let (site, _) = Assembler.assemble(
      [
        entry(
          ContentTypes.company, "a",
          fields: [
            "tech_areas": .list([.string("optics"), .string("laser_photonics")]),
            "tags": .list([.string("薬機法"), .string("ISO 13485")]),
          ]),
        entry(
          ContentTypes.company, "b",
          fields: ["tech_areas": .list([.string("optics")]), "tags": .list([.string("薬機法")])]),
      ], config: config, now: now)
    let tech = site.taxonomies.first { $0.taxonomy.field == "tech_areas" }
    #expect(tech?.terms.map(\.slug) == ["laser-photonics", "optics"])
    #expect(tech?.terms.map(\.items.count) == [1, 2])
    let tags = site.taxonomies.first { $0.taxonomy.field == "tags" }?.terms ?? []
    #expect(tags.map(\.slug) == ["iso-13485", TermSlug.slug(for: "薬機法")])
    for term in tags {
      #expect(term.slug.unicodeScalars.allSatisfy { $0.isASCII } && !term.slug.isEmpty)
    }
    #expect(TermSlug.slug(for: "薬機法") == TermSlug.slug(for: "薬機法"), "stable")
    #expect(TermSlug.slug(for: "薬機法") != TermSlug.slug(for: "QMS省令"))
  }

  @Test func staleGuidesWarn() {
    let guide = entry(ContentTypes.guide, "g", fields: ["last_reviewed": .date(LocalDate(iso: "2025-06-30")!)])
    let (_, diagnostics) = Assembler.assemble([guide], config: config, now: now)
    #expect(
      diagnostics.map(\.message) == ["the facts of this guide were last checked on 2025-06-30, more than a year ago"])
  }
}

@Suite struct AssembledMatchesTests {
  let now = moment("2026-11-25T12:00:00+09:00")

  @Test func openNeedsGetCandidatesAndClosedOnesDoNot() {
    let company = entry(
      ContentTypes.company, "optics",
      fields: ["tech_areas": .list([.string("optics")]), "medical_involvement": .string("supplier_to_mah")])
    let open = entry(
      ContentTypes.need, "open",
      fields: ["kind": .string("clinical_need"), "status": .string("open"), "tech_areas": .list([.string("optics")])])
    let closed = entry(
      ContentTypes.need, "closed",
      fields: ["kind": .string("clinical_need"), "status": .string("closed"), "tech_areas": .list([.string("optics")])])
    let (site, _) = Assembler.assemble([company, open, closed], config: config, now: now)
    let index = { (id: String) in site.pages.firstIndex { $0.entry.id == id } ?? -1 }
    #expect(site.matches[index("open")]?.map { site.pages[$0.page].entry.id } == ["optics"])
    #expect(site.matches[index("closed")] == nil)
    #expect(site.matches[index("open")]?.first?.reasons.first?.kind == .sharedTechAreas)
  }
}
