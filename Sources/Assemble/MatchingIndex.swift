import Decode
import Load
import Schema

/// Candidates for every open need at once: scores every pair from `MatchProfile`s, keeps the best
/// few by `Matching.ranked`'s order, and lets `Matching` explain only those. Gives exactly what
/// calling `Matching.companies`/`needs` per need would, without building string sets per pair.
struct MatchingIndex: Sendable {
  let pages: [Page]
  /// By page index; nil for pages that are not among the entries.
  let profiles: [MatchProfile?]

  init(pages: [Page], entries: [Int]) {
    self.pages = pages
    var profiles = [MatchProfile?](repeating: nil, count: pages.count)
    for (index, profile) in zip(entries, OrderedParallel.map(entries) { MatchProfile(pages[$0].entry) }) {
      profiles[index] = profile
    }
    self.profiles = profiles
  }

  private func profile(_ index: Int) -> MatchProfile? {
    profiles.indices.contains(index) ? profiles[index] : nil
  }

  /// `Matching.companies(for:in:candidates:limit:)` for candidates that are primary pages (one page
  /// per entry), as `Assembler.matches` passes them.
  func companies(for need: Int, candidates: [Int], limit: Int = 5) -> [Match] {
    let entry = pages[need].entry
    guard let subject = profile(need), entry.type == ContentTypes.need,
      let kind = entry.string("kind"), kind == "clinical_need" || kind == "partnership_request"
    else { return [] }
    let best = top(limit, of: candidates, excluding: need) { candidate in
      guard let company = profile(candidate), company.isCompany else { return nil }
      return MatchProfile.companyScore(need: subject, company: company)
    }
    return best.compactMap { index in
      Matching.companyFit(need: entry, company: pages[index].entry).map {
        Match(page: index, score: $0.0, reasons: $0.1)
      }
    }
  }

  /// `Matching.needs(for:in:candidates:limit:)`, likewise.
  func needs(for seed: Int, candidates: [Int], limit: Int = 5) -> [Match] {
    let entry = pages[seed].entry
    guard let subject = profile(seed), entry.type == ContentTypes.need, entry.string("kind") == "tech_seed"
    else { return [] }
    let best = top(limit, of: candidates, excluding: seed) { candidate in
      guard let need = profile(candidate), need.isClinicalNeed else { return nil }
      return MatchProfile.seedScore(seed: subject, need: need)
    }
    return best.compactMap { index in
      Matching.seedFit(seed: entry, need: pages[index].entry).map { Match(page: index, score: $0.0, reasons: $0.1) }
    }
  }

  /// The `limit` best candidates by score, then entry id, language and page index (the order of
  /// `Matching.ranked`), kept in a small sorted buffer in one pass. `score` gives nil for every
  /// candidate without a profile.
  func top(_ limit: Int, of candidates: [Int], excluding subject: Int, score: (Int) -> Double?) -> [Int] {
    guard limit > 0, let subjectKey = profile(subject)?.key else { return [] }
    var best: [(score: Double, page: Int)] = []
    for candidate in candidates where candidate != subject && pages.indices.contains(candidate) {
      guard let value = score(candidate), let profile = profiles[candidate] else { continue }
      if best.count == limit, let worst = best.last, !before((value, candidate), worst) { continue }
      if profile.key == subjectKey { continue }
      let position = best.firstIndex { before((value, candidate), $0) } ?? best.count
      best.insert((value, candidate), at: position)
      if best.count > limit { best.removeLast() }
    }
    return best.map(\.page)
  }

  /// Only for scored candidates, which all have a profile.
  func before(_ a: (score: Double, page: Int), _ b: (score: Double, page: Int)) -> Bool {
    if a.score != b.score { return a.score > b.score }
    guard let x = profiles[a.page], let y = profiles[b.page] else { return a.page < b.page }
    if x.id != y.id { return x.id < y.id }
    if x.language != y.language { return x.language < y.language }
    return a.page < b.page
  }
}
