import Decode
import Load
import Markdown
import Schema
import Testing

@testable import Assemble

/// A small seeded generator, so the generated sets are the same on every run.
private struct Generator {
  var state: UInt64

  mutating func next(_ bound: Int) -> Int {
    state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
    return Int((state >> 33) % UInt64(bound))
  }

  /// Up to `most` distinct values of the first `width` values of `values` (few, so ties abound).
  mutating func some(_ values: [String], most: Int, width: Int) -> [String] {
    let pool = Array(values.prefix(width))
    var picked: [String] = []
    for _ in 0..<next(most + 1) {
      let value = pool[next(pool.count)]
      if !picked.contains(value) { picked.append(value) }
    }
    return picked
  }
}

private func list(_ values: [String]) -> FieldValue {
  .list(values.map { .string($0) })
}

/// Companies and need postings with random areas, classes and credentials, drawn from a few
/// values of each vocabulary so that many candidates tie.
private func generatedPostings(seed: UInt64, companies: Int, needs: Int) -> [(Entry, Document)] {
  var random = Generator(state: seed)
  var items: [(Entry, Document)] = []
  func areas(_ fields: inout [String: FieldValue]) {
    fields["tech_areas"] = list(random.some(Vocabularies.techAreas.allowedValues, most: 3, width: 6))
    fields["clinical_areas"] = list(random.some(Vocabularies.clinicalAreas.allowedValues, most: 2, width: 5))
    fields["focus_areas"] = list(random.some(Vocabularies.focusAreas.allowedValues, most: 2, width: 3))
    fields["jp_class"] = list(random.some(Vocabularies.jpClasses.allowedValues, most: 2, width: 4))
  }
  for number in 0..<companies {
    var fields: [String: FieldValue] = [:]
    areas(&fields)
    fields["certifications"] = list(random.some(["iso13485", "iso9001"], most: 2, width: 2))
    fields["offerings"] = list(random.some(["oem", "own_product", "custom_machining"], most: 2, width: 3))
    fields["medical_involvement"] = .string(["own_devices", "oem_for_mah", "exploring", "none"][random.next(4)])
    fields["mah_license"] = .string(["none", "first", "second"][random.next(3)])
    fields["manufacturing_registration"] = .bool(random.next(2) == 0)
    // Ids out of page order, so ties are broken by id, not by position.
    items.append(entry(ContentTypes.company, "c\(random.next(1000))-\(number)", fields: fields))
  }
  for number in 0..<needs {
    var fields: [String: FieldValue] = [:]
    areas(&fields)
    fields["kind"] = .string(["clinical_need", "partnership_request", "tech_seed"][random.next(3)])
    fields["status"] = .string(["open", "in_discussion", "closed"][random.next(3)])
    fields["partners_sought"] = list(random.some(["mah", "manufacturer", "academia"], most: 2, width: 3))
    items.append(entry(ContentTypes.need, "n\(random.next(1000))-\(number)", fields: fields))
  }
  return items
}

@Suite struct ScaleShortcutTests {
  let now = moment("2026-11-25T12:00:00+09:00")

  /// The assembler finds each need's candidates in `CandidateGroups`, which skips candidates that
  /// cannot make the list; the result must be what scoring every pair with `Matching` gives.
  @Test(arguments: [1, 2, 3] as [UInt64])
  func groupedMatchingEqualsScoringEveryPair(seed: UInt64) {
    let (site, _) = Assembler.assemble(
      generatedPostings(seed: seed, companies: 400, needs: 150), config: config, now: now)
    let primary = site.sections.flatMap(\.items)
    let companies = primary.filter { site.pages[$0].entry.type == ContentTypes.company }
    let open = primary.filter {
      site.pages[$0].entry.type == ContentTypes.need
        && ["open", "in_discussion"].contains(Timeline.needStatus(site.pages[$0].entry, now: now))
    }
    let clinical = open.filter { site.pages[$0].entry.string("kind") == "clinical_need" }
    var listed = 0
    for need in open {
      let seed = site.pages[need].entry.string("kind") == "tech_seed"
      let expected =
        seed
        ? Matching.needs(for: need, in: site.pages, candidates: clinical)
        : Matching.companies(for: need, in: site.pages, candidates: companies)
      #expect(site.matches[need] ?? [] == expected, "\(site.pages[need].entry.id)")
      listed += expected.count
    }
    #expect(listed > open.count * 3, "most needs have a full list, so the bounds had something to skip")
  }

  @Test func groupedMatchingKeepsLimitsAndTies() {
    let items = generatedPostings(seed: 9, companies: 300, needs: 60)
    let pages = items.enumerated().map { index, item in
      Page(entry: item.0, document: item.1, url: "/\(index)/")
    }
    let companies = pages.indices.filter { pages[$0].entry.type == ContentTypes.company }
    let needs = pages.indices.filter {
      pages[$0].entry.type == ContentTypes.need && pages[$0].entry.string("kind") != "tech_seed"
    }
    let index = MatchingIndex(pages: pages, companies: companies, clinicalNeeds: [], postings: needs)
    for need in needs {
      for limit in [0, 1, 3, 12] {
        let expected = Matching.companies(for: need, in: pages, candidates: companies, limit: limit)
        #expect(index.companies(for: need, limit: limit) == expected)
      }
    }
  }

  /// Bounds must never be below a real score, or a candidate could be skipped wrongly.
  @Test func restBoundsAreNeverBelowTheRestOfAScore() {
    let items = generatedPostings(seed: 5, companies: 200, needs: 200)
    let companies = items.map(\.0).filter { $0.type == ContentTypes.company }
    let needs = items.map(\.0).filter { $0.type == ContentTypes.need }
    for need in needs.prefix(60) {
      let subject = MatchProfile(need)
      for company in companies {
        let candidate = MatchProfile(company)
        guard let score = MatchProfile.companyScore(need: subject, company: candidate) else { continue }
        let areas =
          MatchingWeights.techArea * Double((subject.tech & candidate.tech).nonzeroBitCount)
          + MatchingWeights.clinicalArea * Double((subject.clinical & candidate.clinical).nonzeroBitCount)
        #expect(score - areas <= min(candidate.companyRestBound, subject.needRestCap))
      }
      for other in needs {
        let candidate = MatchProfile(other)
        guard let score = MatchProfile.seedScore(seed: subject, need: candidate) else { continue }
        let areas =
          MatchingWeights.techArea * Double((subject.tech & candidate.tech).nonzeroBitCount)
          + MatchingWeights.clinicalArea * Double((subject.clinical & candidate.clinical).nonzeroBitCount)
        #expect(score - areas <= min(candidate.seedRestBound, subject.seedRestBound))
      }
    }
  }

  /// Term lists come out of one presorted pass; they must be in the order a sort of each list by
  /// date (newest first), then id, then page index gives.
  @Test func termItemsAreNewestFirstThenByIDThenByPage() {
    var random = Generator(state: 11)
    var items: [(Entry, Document)] = []
    for number in 0..<300 {
      let type = [ContentTypes.company, ContentTypes.news, ContentTypes.seminar][random.next(3)]
      // Few ids and dates, so equal dates and the same id in two sections occur.
      let date = "2026-0\(1 + random.next(3))-1\(random.next(3))"
      let tags = (0..<random.next(3)).map { _ in "tag\(random.next(4))" }
      var generated = entry(
        type, "e\(random.next(40))", date: date,
        fields: [
          "tags": list(tags), "tech_areas": list(random.some(Vocabularies.techAreas.allowedValues, most: 2, width: 4)),
        ])
      generated.0.path += "-\(number)"
      items.append(generated)
    }
    let (site, _) = Assembler.assemble(items, config: config, now: now)
    let primary = site.sections.flatMap(\.items).sorted()
    var checked = 0
    for taxonomy in site.taxonomies {
      for term in taxonomy.terms {
        // A value listed twice in one entry lists the entry twice, as it always did.
        let expected = primary.flatMap { index in
          let times = site.pages[index].entry.strings(taxonomy.taxonomy.field).filter { $0 == term.value }.count
          return [Int](repeating: index, count: times)
        }
        .sorted { a, b in
          let (x, y) = (site.pages[a].entry, site.pages[b].entry)
          if x.date != y.date { return x.date > y.date }
          return x.id != y.id ? x.id < y.id : a < b
        }
        #expect(term.items == expected, "\(taxonomy.taxonomy.field) \(term.value)")
        checked += 1
      }
    }
    #expect(checked > 5)
  }
}
