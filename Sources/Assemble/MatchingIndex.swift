import Decode
import Load
import Schema

/// Candidates for every open need at once: finds each posting's best few from `MatchProfile`
/// scores in `CandidateGroups` (which skips candidates that cannot make the list), and lets
/// `Matching` explain only those. Gives exactly what calling `Matching.companies`/`needs` per
/// posting with all companies (or all given clinical needs) as candidates would.
struct MatchingIndex: Sendable {
  let pages: [Page]
  /// By page index; nil for pages that are neither a candidate nor a posting to match.
  let profiles: [MatchProfile?]
  /// By page index, for candidates and postings: `Matching.key`.
  let keys: [String]
  let companies: CandidateGroups
  let clinicalNeeds: CandidateGroups

  /// `companies` and `clinicalNeeds` are the candidates (primary pages, one per entry); `postings`
  /// are the needs and seeds to match.
  init(pages: [Page], companies: [Int], clinicalNeeds: [Int], postings: [Int]) {
    self.pages = pages
    let entries = Array(Set(companies + clinicalNeeds + postings).filter { pages.indices.contains($0) }).sorted()
    var profiles = [MatchProfile?](repeating: nil, count: pages.count)
    var keys = [String](repeating: "", count: pages.count)
    for (index, profile) in zip(entries, OrderedParallel.map(entries) { MatchProfile(pages[$0].entry) }) {
      profiles[index] = profile
      keys[index] = Matching.key(pages[index].entry)
    }
    self.profiles = profiles
    self.keys = keys
    // The tie order of `Matching.ranked`: entry id, language, page index.
    let candidates = Array(Set(companies + clinicalNeeds).filter { pages.indices.contains($0) })
    let keyed = candidates.map { (page: $0, id: pages[$0].entry.id, language: pages[$0].entry.language) }
    let tieOrder = keyed.sorted { a, b in
      if a.id != b.id { return a.id < b.id }
      if a.language != b.language { return a.language < b.language }
      return a.page < b.page
    }
    var rank: [Int: Int] = [:]
    for (position, item) in tieOrder.enumerated() { rank[item.page] = position }
    self.companies = CandidateGroups(
      candidates: companies.filter { profiles.indices.contains($0) && profiles[$0]?.isCompany == true },
      profiles: profiles, rank: { rank[$0] ?? Int.max }, rest: \.companyRestBound)
    self.clinicalNeeds = CandidateGroups(
      candidates: clinicalNeeds.filter { profiles.indices.contains($0) && profiles[$0]?.isClinicalNeed == true },
      profiles: profiles, rank: { rank[$0] ?? Int.max }, rest: \.seedRestBound)
  }

  private func profile(_ index: Int) -> MatchProfile? {
    profiles.indices.contains(index) ? profiles[index] : nil
  }

  /// `Matching.companies(for:in:candidates:limit:)` with all the companies as candidates.
  func companies(for need: Int, limit: Int = 5) -> [Match] {
    guard let subject = profile(need) else { return [] }
    let entry = pages[need].entry
    guard entry.type == ContentTypes.need, let kind = entry.string("kind"),
      kind == "clinical_need" || kind == "partnership_request"
    else { return [] }
    let best = companies.best(
      limit, tech: subject.tech, clinical: subject.clinical, cap: subject.needRestCap,
      skip: { keys[$0] == keys[need] },
      score: { candidate in profiles[candidate].flatMap { MatchProfile.companyScore(need: subject, company: $0) } })
    return best.compactMap { index in
      Matching.companyFit(need: entry, company: pages[index].entry).map {
        Match(page: index, score: $0.0, reasons: $0.1)
      }
    }
  }

  /// `Matching.needs(for:in:candidates:limit:)` with all the given clinical needs as candidates.
  func needs(for seed: Int, limit: Int = 5) -> [Match] {
    guard let subject = profile(seed) else { return [] }
    let entry = pages[seed].entry
    guard entry.type == ContentTypes.need, entry.string("kind") == "tech_seed" else { return [] }
    let best = clinicalNeeds.best(
      limit, tech: subject.tech, clinical: subject.clinical, cap: subject.seedRestBound,
      skip: { keys[$0] == keys[seed] },
      score: { candidate in profiles[candidate].flatMap { MatchProfile.seedScore(seed: subject, need: $0) } })
    return best.compactMap { index in
      Matching.seedFit(seed: entry, need: pages[index].entry).map { Match(page: index, score: $0.0, reasons: $0.1) }
    }
  }
}
