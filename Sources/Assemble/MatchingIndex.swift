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
  /// By page index, for the entries: `Matching.key`, id and language, for ranking.
  let keys: [String]
  let ids: [String]
  let languages: [Language]

  init(pages: [Page], entries: [Int]) {
    self.pages = pages
    var profiles = [MatchProfile?](repeating: nil, count: pages.count)
    var keys = [String](repeating: "", count: pages.count)
    var ids = [String](repeating: "", count: pages.count)
    var languages = [Language](repeating: .default, count: pages.count)
    for (index, profile) in zip(entries, OrderedParallel.map(entries) { MatchProfile(pages[$0].entry) }) {
      profiles[index] = profile
      keys[index] = Matching.key(pages[index].entry)
      ids[index] = pages[index].entry.id
      languages[index] = pages[index].entry.language
    }
    self.profiles = profiles
    self.keys = keys
    self.ids = ids
    self.languages = languages
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
    guard limit > 0, profile(subject) != nil else { return [] }
    let subjectKey = keys[subject]
    var best: [(score: Double, page: Int)] = []
    for candidate in candidates where candidate != subject && pages.indices.contains(candidate) {
      guard let value = score(candidate) else { continue }
      if best.count == limit, let worst = best.last, !before((value, candidate), worst) { continue }
      if keys[candidate] == subjectKey { continue }
      let position = best.firstIndex { before((value, candidate), $0) } ?? best.count
      best.insert((value, candidate), at: position)
      if best.count > limit { best.removeLast() }
    }
    return best.map(\.page)
  }

  /// Only for scored candidates, which all have a profile.
  func before(_ a: (score: Double, page: Int), _ b: (score: Double, page: Int)) -> Bool {
    if a.score != b.score { return a.score > b.score }
    if ids[a.page] != ids[b.page] { return ids[a.page] < ids[b.page] }
    if languages[a.page] != languages[b.page] { return languages[a.page] < languages[b.page] }
    return a.page < b.page
  }
}
