import Decode
import Foundation
import Load
import Markdown
import Schema

/// Related entries for every page, from shared taxonomy terms and similar titles and summaries.
///
/// Two signals are added up:
/// - shared taxonomy terms (`tags`, `focus_areas`, `tech_areas`, `clinical_areas`, `jp_class`,
///   `eu_class`), each weighted by its field and by how rare it is (`log(1 + n / df)`);
/// - text similarity: the cosine of the idf-weighted character-bigram sets of the normalised
///   (NFKC, lower-cased) title and summary, so Japanese text, which has no spaces, compares as well
///   as English. Each page keeps only its `bigramsPerPage` rarest bigrams that another page also has.
///
/// The cost is bounded, never quadratic: an inverted index maps every term and kept bigram to the
/// pages that have it, in a fixed order (newest first); a page visits at most `postingWindow`
/// entries of each list (those nearest to it in that order) and scores at most `maxCandidates`
/// distinct pages. Everything is iterated in a fixed order, so the result is deterministic.
public enum Related {
  /// The taxonomy fields compared, and the weight of one shared term of each.
  static let termFields: [(field: String, weight: Double)] = [
    ("tags", 1.0), ("tech_areas", 1.0), ("clinical_areas", 1.0), ("focus_areas", 0.5), ("jp_class", 0.5),
    ("eu_class", 0.5),
  ]
  /// The weight of a text similarity of 1 (identical bigram signatures).
  static let textWeight = 4.0
  /// A page related only by text needs at least this cosine similarity…
  static let minTextSimilarity = 0.1
  /// …and at least this many shared bigrams (one shared pair of characters is chance).
  static let minSharedBigrams = 2
  /// How many bigrams of each page are indexed (its rarest that another page shares).
  static let bigramsPerPage = 32
  /// How many entries of one posting list a page visits.
  static let postingWindow = 64
  /// How many distinct pages are scored for one page.
  static let maxCandidates = 1024

  /// Up to `limit` related entries for every page in `primary` (indices into pages), best first,
  /// from shared taxonomy terms and text similarity of titles and summaries. Related entries are
  /// drawn from `primary` too, of any content type; never the page itself, never its translations (another version of the
  /// same entry). Every valid index of `primary` is a key, with an empty list when nothing is related.
  /// Out-of-range and repeated indices are ignored.
  public static func compute(pages: [Page], primary: [Int], limit: Int = 4) -> [Int: [Int]] {
    var stats = Stats()
    return compute(pages: pages, primary: primary, limit: limit, stats: &stats)
  }

  /// Work counters, so tests can check that the cost stays bounded.
  struct Stats {
    /// Posting-list entries visited, over all pages.
    var visits = 0
    /// Candidates scored, over all pages.
    var candidates = 0
  }

  static func compute(pages: [Page], primary: [Int], limit: Int, stats: inout Stats) -> [Int: [Int]] {
    // Pages in a fixed order, newest first, so that posting lists are sorted and windows are stable.
    var seen = Set<Int>()
    // Sort keys read once, so that comparisons never copy entries.
    let keyed = primary.filter { pages.indices.contains($0) && seen.insert($0).inserted }.map { SortKey(pages, $0) }
    let sortedKeys = keyed.sorted { $0.date != $1.date ? $0.date > $1.date : $0.tiesBefore($1) }
    let order = sortedKeys.map(\.index)
    let count = order.count
    guard count > 0 else { return [:] }
    guard limit > 0 else { return Dictionary(uniqueKeysWithValues: order.map { ($0, []) }) }

    // Terms and bigrams of every page, and how many pages have each.
    var termsOf: [[String]] = []
    var bigramsOf: [[UInt64]] = []
    var termFrequency: [String: Int] = [:]
    var bigramFrequency: [UInt64: Int] = [:]
    termsOf.reserveCapacity(count)
    bigramsOf.reserveCapacity(count)
    // Normalising text is the costly part, and each page's is its own: done on every core.
    var features = OrderedParallel.map(order) { index in
      (terms(of: pages[index].entry), bigrams(of: pages[index].entry.title + "\n" + pages[index].summary))
    }
    for (terms, bigrams) in features {
      for term in terms { termFrequency[term, default: 0] += 1 }
      for bigram in bigrams { bigramFrequency[bigram, default: 0] += 1 }
      termsOf.append(terms)
      bigramsOf.append(bigrams)
    }
    features = []
    @Sendable func idf(_ frequency: Int) -> Double { log(1 + Double(count) / Double(max(frequency, 1))) }
    let fieldWeight = Dictionary(uniqueKeysWithValues: termFields.map { ($0.field, $0.weight) })

    let textOf = sharedText(of: bigramsOf, frequency: bigramFrequency, idf: idf)
    bigramsOf = []
    bigramFrequency = [:]

    // The inverted index: feature ids in order of first appearance, each with its posting list.
    var postings: [[Int32]] = []
    var weights: [Double] = []
    var isText: [Bool] = []
    var termIDs: [String: Int] = [:]
    var bigramIDs: [UInt64: Int] = [:]
    var termFeatures: [[Int]] = []
    var textFeatures: [[Int]] = []
    for position in 0..<count {
      var mine: [Int] = []
      for term in termsOf[position] {
        let id: Int
        if let known = termIDs[term] {
          id = known
        } else {
          id = postings.count
          termIDs[term] = id
          postings.append([])
          let field = String(term.prefix { $0 != separator })
          weights.append((fieldWeight[field] ?? 0) * idf(termFrequency[term] ?? 1))
          isText.append(false)
        }
        postings[id].append(Int32(position))
        mine.append(id)
      }
      termFeatures.append(mine)

      var text: [Int] = []
      for (bigram, frequency) in textOf[position].kept {
        let id: Int
        if let known = bigramIDs[bigram] {
          id = known
        } else {
          id = postings.count
          bigramIDs[bigram] = id
          postings.append([])
          weights.append(idf(frequency))
          isText.append(true)
        }
        postings[id].append(Int32(position))
        text.append(id)
      }
      textFeatures.append(text)
    }
    let norms = textOf.map(\.norm)

    // Per position: which entry it is (translations share it) and its place in the tie order.
    var entryIDs: [String: Int] = [:]
    let entryOf = order.map { index in
      let key = entryKey(pages[index].entry)
      if let known = entryIDs[key] { return known }
      entryIDs[key] = entryIDs.count
      return entryIDs.count - 1
    }
    var tieRank = [Int](repeating: 0, count: count)
    for (rank, position) in (0..<count).sorted(by: { sortedKeys[$0].tiesBefore(sortedKeys[$1]) }).enumerated() {
      tieRank[position] = rank
    }

    // Score the pages that share something with each page; pages are independent, so chunks of
    // them run on every core, each with its own scratch space.
    let index = Index(
      postings: postings, weights: weights, isText: isText, termFeatures: termFeatures, textFeatures: textFeatures,
      facts: (0..<count).map { Facts(norm: norms[$0], entry: Int32(entryOf[$0]), tieRank: Int32(tieRank[$0])) })
    let chunks = OrderedParallel.chunks(count: count) { range in
      let scratch = Scratch(count: count)
      let lists = range.map { index.best(for: $0, limit: limit, scratch: scratch) }
      return (lists, scratch.stats)
    }
    var result: [Int: [Int]] = [:]
    result.reserveCapacity(count)
    var position = 0
    for (lists, chunkStats) in chunks {
      for list in lists {
        result[order[position]] = list.map { order[$0] }
        position += 1
      }
      stats.visits += chunkStats.visits
      stats.candidates += chunkStats.candidates
    }
    return result
  }

  /// Each page's text norm and the bigrams it shares with other pages, rarest first, on every
  /// core (each page's sort is its own). The norm counts every bigram, so a page whose text is
  /// mostly its own stays unlike others; the index keeps only the rarest bigrams that some other
  /// page has too.
  static func sharedText(
    of bigrams: [[UInt64]], frequency: [UInt64: Int], idf: @escaping @Sendable (Int) -> Double
  ) -> [(norm: Double, kept: [(UInt64, Int)])] {
    OrderedParallel.map(Array(bigrams.indices)) { position in
      var norm = 0.0
      var shareable: [(UInt64, Int)] = []
      for bigram in bigrams[position] {
        let count = frequency[bigram] ?? 1
        norm += idf(count) * idf(count)
        if count >= 2 { shareable.append((bigram, count)) }
      }
      let kept = shareable.sorted { $0.1 != $1.1 ? $0.1 < $1.1 : $0.0 < $1.0 }.prefix(bigramsPerPage)
      return (norm.squareRoot(), Array(kept))
    }
  }

  /// What the scoring reads of each candidate, side by side: one cache line for all of it, not
  /// one per array (at 100k entries the candidates are spread over megabytes).
  struct Facts: Sendable {
    var norm: Double
    /// Which entry the position is (translations share it).
    var entry: Int32
    /// The position's place in the tie order.
    var tieRank: Int32
  }

  /// The inverted index and per-position facts the scoring reads.
  struct Index: Sendable {
    /// Every feature's posting list, one after the other: feature `f`'s is
    /// `postings[starts[f]..<starts[f + 1]]`.
    let postings: [Int32]
    let starts: [Int]
    let weights: [Double]
    let isText: [Bool]
    let termFeatures: [[Int]]
    let textFeatures: [[Int]]
    let facts: [Facts]

    init(
      postings lists: [[Int32]], weights: [Double], isText: [Bool], termFeatures: [[Int]], textFeatures: [[Int]],
      facts: [Facts]
    ) {
      var starts = [0]
      starts.reserveCapacity(lists.count + 1)
      for list in lists { starts.append(starts[starts.count - 1] + list.count) }
      self.postings = Array(lists.joined())
      self.starts = starts
      self.weights = weights
      self.isText = isText
      self.termFeatures = termFeatures
      self.textFeatures = textFeatures
      self.facts = facts
    }

    /// The best `limit` positions related to `position`, best first: higher score, then earlier in
    /// the tie order.
    func best(for position: Int, limit: Int, scratch: Scratch) -> [Int] {
      // Most telling features first, so that the candidate cap keeps the best candidates.
      let features =
        termFeatures[position].sorted { weights[$0] != weights[$1] ? weights[$0] > weights[$1] : $0 < $1 }
        + textFeatures[position].sorted { weights[$0] != weights[$1] ? weights[$0] > weights[$1] : $0 < $1 }
      // A local, not the scratch object's property, in the loop: no dynamic exclusivity checks.
      let sums = scratch.sums
      var candidates = scratch.candidates
      scratch.candidates = []
      var visits = 0
      postings.withUnsafeBufferPointer { postings in
        for feature in features {
          let list = UnsafeBufferPointer(rebasing: postings[starts[feature]..<starts[feature + 1]])
          let window = Related.window(in: list, around: Int32(position))
          visits += window.count
          let weight = weights[feature]
          let text = isText[feature]
          for slot in window {
            let candidate = Int(list[slot])
            if candidate == position { continue }
            if !sums[candidate].touched {
              if candidates.count >= maxCandidates { continue }
              sums[candidate].touched = true
              candidates.append(candidate)
            }
            if text {
              sums[candidate].dot += weight * weight
              sums[candidate].sharedBigrams += 1
            } else {
              sums[candidate].termScore += weight
            }
          }
        }
      }
      scratch.stats.visits += visits
      scratch.stats.candidates += candidates.count

      var best: [(position: Int, score: Double)] = []
      func before(_ a: (position: Int, score: Double), _ b: (position: Int, score: Double)) -> Bool {
        a.score != b.score ? a.score > b.score : facts[a.position].tieRank < facts[b.position].tieRank
      }
      let own = facts[position]
      for candidate in candidates {
        let sum = sums[candidate]
        let other = facts[candidate]
        let denominator = own.norm * other.norm
        let similarity = denominator > 0 ? sum.dot / denominator : 0
        let similarText = sum.sharedBigrams >= minSharedBigrams && similarity >= minTextSimilarity
        if other.entry != own.entry, sum.termScore > 0 || similarText {
          let scored = (position: candidate, score: sum.termScore + textWeight * similarity)
          if best.count < limit || before(scored, best[best.count - 1]) {
            let at = best.firstIndex { before(scored, $0) } ?? best.count
            best.insert(scored, at: at)
            if best.count > limit { best.removeLast() }
          }
        }
        sums[candidate] = Sums()
      }
      candidates.removeAll(keepingCapacity: true)
      scratch.candidates = candidates
      return best.map(\.position)
    }
  }

  /// Per-candidate accumulators, reset after each page; one per chunk of pages, never shared
  /// between threads. Plain buffers, as the scoring loop is the hottest of the stage.
  final class Scratch {
    let sums: UnsafeMutableBufferPointer<Sums>
    var candidates: [Int] = []
    var stats = Stats()

    init(count: Int) {
      sums = .allocate(capacity: count)
      sums.initialize(repeating: Sums())
    }

    deinit {
      sums.deallocate()
    }
  }

  /// One candidate's accumulators, side by side (see `Facts`).
  struct Sums {
    var termScore = 0.0
    var dot = 0.0
    var sharedBigrams: Int32 = 0
    var touched = false
  }

  /// Separates a field name from its value in a term key.
  static let separator: Character = "\u{1F}"

  /// The page's taxonomy terms as `field␟value` keys, each once; free tags normalised like text.
  static func terms(of entry: Entry) -> [String] {
    var seen = Set<String>()
    var terms: [String] = []
    for (field, _) in termFields {
      for value in entry.strings(field) {
        let normal = field == "tags" ? Whitespace.trimmed(normalise(value)) : value
        guard !normal.isEmpty else { continue }
        let term = field + String(separator) + normal
        if seen.insert(term).inserted { terms.append(term) }
      }
    }
    return terms
  }

  /// NFKC (full-width letters and digits become ASCII, half-width kana full-width) and lower case.
  static func normalise(_ text: String) -> String {
    (quickNFKC(text) ?? text.precomposedStringWithCompatibilityMapping).lowercased()
  }

  /// NFKC without Foundation for the usual text of titles and tags: characters NFKC keeps as they
  /// are and that compose with nothing here (ASCII, kana, common kanji, Japanese punctuation), and
  /// full-width ASCII, which NFKC maps one to one to ASCII. Nil for any other character.
  static func quickNFKC(_ text: String) -> String? {
    var scalars = String.UnicodeScalarView()
    for scalar in text.unicodeScalars {
      switch scalar.value {
      case 0x09, 0x0A, 0x20...0x7E, 0xB1, 0x3001, 0x3002, 0x3005, 0x300C...0x300F, 0x3041...0x3096, 0x30A1...0x30FC,
        0x4E00...0x9FFC:
        scalars.append(scalar)
      case 0xFF01...0xFF5E:
        scalars.append(Unicode.Scalar(UInt8(scalar.value - 0xFEE0)))
      default:
        return nil
      }
    }
    return String(scalars)
  }

  /// The distinct character bigrams of the normalised text, sorted: pairs of neighbouring letters or
  /// digits (any script); punctuation and spaces break a run.
  static func bigrams(of text: String) -> [UInt64] {
    var result: [UInt64] = []
    var previous: UInt32?
    for value in normalisedScalars(text) {
      if let scalar = Unicode.Scalar(value), LetterOrDigit.test(scalar) {
        if let previous { result.append(UInt64(previous) << 32 | UInt64(value)) }
        previous = value
      } else {
        previous = nil
      }
    }
    result.sort()
    var distinct = 0
    for bigram in result where distinct == 0 || result[distinct - 1] != bigram {
      result[distinct] = bigram
      distinct += 1
    }
    result.removeLast(result.count - distinct)
    return result
  }

  /// The scalar values of `normalise(text)`. For the characters `quickNFKC` knows, lower case is
  /// ASCII lower case (kana, kanji and Japanese punctuation have no case), so no string is built.
  static func normalisedScalars(_ text: String) -> [UInt32] {
    var result: [UInt32] = []
    result.reserveCapacity(text.utf8.count)
    for scalar in text.unicodeScalars {
      switch scalar.value {
      case 0x41...0x5A:
        result.append(scalar.value + 0x20)
      case 0x09, 0x0A, 0x20...0x7E, 0xB1, 0x3001, 0x3002, 0x3005, 0x300C...0x300F, 0x3041...0x3096, 0x30A1...0x30FC,
        0x4E00...0x9FFC:
        result.append(scalar.value)
      case 0xFF21...0xFF3A:
        // Full-width capitals: NFKC gives ASCII capitals, lower-cased.
        result.append(scalar.value - 0xFEE0 + 0x20)
      case 0xFF01...0xFF5E:
        result.append(scalar.value - 0xFEE0)
      default:
        return normalise(text).unicodeScalars.map(\.value)
      }
    }
    return result
  }

  /// The part of a sorted posting list a page visits: all of it when short, otherwise the
  /// `postingWindow` entries nearest to the page.
  static func window(in list: UnsafeBufferPointer<Int32>, around position: Int32) -> Range<Int> {
    guard list.count > postingWindow else { return list.indices }
    var low = 0
    var high = list.count
    while low < high {
      let middle = (low + high) / 2
      if list[middle] < position { low = middle + 1 } else { high = middle }
    }
    let start = min(max(0, low - postingWindow / 2), list.count - postingWindow)
    return start..<(start + postingWindow)
  }

  static func entryKey(_ entry: Entry) -> String {
    entry.type.section + "/" + entry.id
  }

  /// What the orders of pages compare, read from a page once.
  struct SortKey {
    let index: Int
    let date: LocalDate
    let section: String
    let id: String
    let language: Language

    init(_ pages: [Page], _ index: Int) {
      let entry = pages[index].entry
      self.index = index
      date = entry.date
      section = entry.type.section
      id = entry.id
      language = entry.language
    }

    /// A total order for equal dates or scores: section, id, language, then page index.
    func tiesBefore(_ other: SortKey) -> Bool {
      if section != other.section { return section < other.section }
      if id != other.id { return id < other.id }
      if language != other.language { return language < other.language }
      return index < other.index
    }
  }
}
