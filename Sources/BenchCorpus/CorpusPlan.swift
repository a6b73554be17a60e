import Schema

/// The mix of content types, as in the shared anchor corpus: 20 % seminars, 10 % guides, 30 %
/// companies, 25 % needs and 15 % news.
public enum CorpusMix {
  public static let shares: [(type: ContentType, percent: Int)] = [
    (ContentTypes.seminar, 20), (ContentTypes.guide, 10), (ContentTypes.company, 30), (ContentTypes.need, 25),
    (ContentTypes.news, 15),
  ]

  /// Entries per type, summing to `entries` (largest remainder, ties in the order above).
  public static func counts(entries: Int) -> [(section: String, count: Int)] {
    let total = max(0, entries)
    var counts = shares.map { total * $0.percent / 100 }
    let remainders = shares.map { total * $0.percent % 100 }
    let rest = total - counts.reduce(0, +)
    let order = remainders.indices.sorted {
      remainders[$0] != remainders[$1] ? remainders[$0] > remainders[$1] : $0 < $1
    }
    for index in order.prefix(rest) { counts[index] += 1 }
    return zip(shares, counts).map { ($0.type.section, $1) }
  }
}

/// One entry of the corpus, decided before any text is written so bodies can link to each other.
struct PlannedEntry: Sendable {
  let index: Int
  /// Index into `CorpusMix.shares`.
  let kind: Int
  let type: ContentType
  /// 0-based position within its type.
  let ordinal: Int
  let id: String
  /// The language of the entry's main file.
  let language: Language
  /// Whether an English translation is written beside it (some guides).
  let translated: Bool

  var section: String { type.section }

  /// The page's URL, as the site builds it: `/seminars/<id>/`, `/en/news/<id>/`.
  func url(_ language: Language? = nil) -> String {
    let language = language ?? self.language
    return (language == .default ? "/" : "/\(language.rawValue)/") + "\(type.section)/\(id)/"
  }

  func path(_ language: Language? = nil) -> String {
    "content/\(type.section)/\(id).\((language ?? self.language).rawValue).md"
  }
}

enum CorpusPlanner {
  /// News written only in English and only in German, in per mille.
  static let englishNews = 100
  static let germanNews = 50
  /// Guides with an English translation, in per mille.
  static let translatedGuides = 100

  static func plan(entries: Int, seed: UInt64) -> [PlannedEntry] {
    let counts = CorpusMix.counts(entries: entries)
    let digits = max(5, String(counts.map(\.count).max() ?? 0).count)
    var plan: [PlannedEntry] = []
    plan.reserveCapacity(entries)
    for (kind, share) in CorpusMix.shares.enumerated() {
      for ordinal in 0..<counts[kind].count {
        var random = BenchRandom(seed: seed, stream: .plan, index: plan.count)
        let number = String(ordinal + 1)
        let id =
          "\(share.type.name)-\(random.pick(DomainWords.slugWords))-\(random.pick(DomainWords.slugWords))-"
          + String(repeating: "0", count: max(0, digits - number.count)) + number
        var language = Language.ja
        var translated = false
        if share.type == ContentTypes.news {
          let draw = random.below(1000)
          if draw < englishNews {
            language = .en
          } else if draw < englishNews + germanNews {
            language = .de
          }
        } else if share.type == ContentTypes.guide {
          translated = random.below(1000) < translatedGuides
        }
        plan.append(
          PlannedEntry(
            index: plan.count, kind: kind, type: share.type, ordinal: ordinal, id: id, language: language,
            translated: translated))
      }
    }
    return plan
  }

  /// Picks a distinct host for every needle: Japanese entries for Japanese-only needles, and for
  /// the others an English or German entry half of the time when there is one.
  static func hosts(for needles: [Needle], in plan: [PlannedEntry], random: inout BenchRandom) -> [Int: Needle] {
    var hosts: [Int: Needle] = [:]
    var foreign = plan.filter { $0.language != .ja }.map(\.index)
    random.shuffle(&foreign)
    for needle in needles {
      if needle.fitsForeignHost, random.percent(50), let host = foreign.first(where: { hosts[$0] == nil }) {
        hosts[host] = needle
        continue
      }
      guard !plan.isEmpty else { break }
      let start = random.below(plan.count)
      for offset in 0..<plan.count {
        let candidate = plan[(start + offset) % plan.count]
        if hosts[candidate.index] == nil && (candidate.language == .ja || needle.fitsForeignHost) {
          hosts[candidate.index] = needle
          break
        }
      }
    }
    return hosts
  }
}
