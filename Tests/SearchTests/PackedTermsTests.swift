import Foundation
import Testing

@testable import Search

/// Texts that stress the packed tokeniser: astral-plane Han, mixed scripts, words just under and
/// over the packed length, compatibility forms, combining marks and case mappings.
let trickyTexts = [
  "内視鏡下手術", "𠀋𠀌𠀍 と 𠀋", "𠀋内", "ISO13485 と ＩＳＯ１３４８５", "Größe straße ÄÖÜ", "abcdefg abcdefgh abcdefghijk",
  "𐌰𐌱𐌲𐌳 gothic", "ｶﾃｰﾃﾙ ﾊﾟﾙｽ ｶﾞｲﾄﾞ", "e\u{301}cole Ａ\u{301}", "ΣΑΣ σας", "İstanbul", "ﬁne ㌔ ①② Ⅳ", "日本・EU 2026年",
  "ᄀ\u{1161}ᆨ 한국어", "か\u{3099}き", "ヽヾゝゞ〻々〆〇", "x", "", "\u{3000}全角\u{3000}スペース", "a-b_c",
  "Ωmega Ω Å Å", "크다 ｸﾞ", "mixed日本語text123abc", "東京大学 2026 MedTech-Forum",
]

/// A seeded generator of strings mixing the scalars above, so the fast paths meet every neighbour.
struct MixedStrings: IteratorProtocol {
  var state: UInt64
  let pool = Array(trickyTexts.joined(separator: "\n").unicodeScalars) + ["\u{301}", "\u{308}", "\u{309A}", "\n"]

  mutating func next() -> String? {
    var out = String.UnicodeScalarView()
    for _ in 0..<(random() % 24) { out.append(pool[Int(random() % UInt64(pool.count))]) }
    return String(out)
  }

  private mutating func random() -> UInt64 {
    state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
    return state >> 33
  }
}

func referenceCounts(_ fields: [(String, Double)]) -> [String: Double] {
  var counts: [String: Double] = [:]
  for (text, boost) in fields {
    for token in SearchText.tokens(SearchText.normalize(text), index: true) { counts[token, default: 0] += boost }
  }
  return counts
}

@Suite struct PackedTermsTests {
  @Test(arguments: [
    "内", "内視", "𠀋", "𠀋𠀌", "内𠀋", "\u{323AF}\u{20000}", "ab", "1234567", "straße", "𐌰𐌱", "größe",
  ])
  func packedTokensRoundTrip(token: String) throws {
    var counter = TermCounter()
    counter.add(token, boost: 1)
    let terms = counter.take()
    let texts = Set(zip(terms.keys, terms.counts).map { $0.0.text(words: terms.words) })
    #expect(texts.contains(token), "\(texts)")
  }

  @Test func keysOfDifferentKindsNeverCollide() {
    let keys = [
      TokenKey.cjk("内"), .cjk("内", "視"), .cjk("\u{323AF}"), .cjk("\u{20000}", "\u{323AF}"),
      "abcdefg".utf8.withContiguousStorageIfAvailable(TokenKey.shortWord), TokenKey.longWord(0), .longWord(1),
    ].compactMap { $0 }
    #expect(Set(keys).count == 7)
    #expect(!keys.contains(TokenKey(raw: 0)), "0 marks an empty table slot")
    let texts = keys.map { $0.text(words: ["abcdefghij", "𐌰𐌱𐌲𐌳"]) }
    #expect(texts == ["内", "内視", "\u{323AF}", "\u{20000}\u{323AF}", "abcdefg", "abcdefghij", "𐌰𐌱𐌲𐌳"])
  }

  @Test(arguments: trickyTexts)
  func countsMatchTheStringTokeniser(text: String) {
    var counter = TermCounter()
    counter.add(text, boost: 5)
    counter.add(text + " tail 末尾", boost: 1)
    let terms = counter.take()
    let reference = referenceCounts([(text, 5), (text + " tail 末尾", 1)])
    #expect(terms.weights == reference)
    #expect(Double(terms.length) == reference.values.reduce(0, +))
  }

  @Test func countsMatchOnMixedRandomText() {
    var strings = MixedStrings(state: 7)
    var counter = TermCounter()
    for _ in 0..<2000 {
      let text = strings.next() ?? ""
      counter.add(text, boost: 2)
      let terms = counter.take()
      #expect(terms.weights == referenceCounts([(text, 2)]), "\(text.unicodeScalars.map { $0.value })")
    }
  }

  @Test func postingListsKeepVarintsAcrossBlocks() {
    var lists = PostingLists()
    let values: [[UInt32]] = [
      Array(0..<100), [0, 127, 128, 16383, 16384, UInt32.max], [], (0..<40).map { $0 * 1000 },
      // Long enough to pass through every block size up to the largest, several times.
      (0..<20_000).map { $0 * 37 },
    ]
    for _ in values { _ = lists.appendList() }
    // Interleaved appends, as documents arrive for many tokens at once.
    for position in 0..<(values.map(\.count).max() ?? 0) {
      for (list, numbers) in values.enumerated() where position < numbers.count {
        lists.appendVarint(numbers[position], to: list)
      }
    }
    for (list, numbers) in values.enumerated() {
      var read: [UInt32] = []
      lists.forEachVarint(of: list) { read.append($0) }
      #expect(read == numbers)
      let varintBytes = numbers.reduce(0) { $0 + ($1 == 0 ? 1 : (32 - $1.leadingZeroBitCount + 6) / 7) }
      #expect(lists.storedBytes(of: list) >= varintBytes)
      // No more unused than the last block, which is at most a quarter of what came before it.
      #expect(
        lists.storedBytes(of: list) <= varintBytes
          + min(PostingLists.largestBlock, max(PostingLists.smallestBlock, varintBytes / 4)))
      // Blocks grow with the list: a hop per largest block, not per 32 bytes.
      #expect(lists.blockCount(of: list) <= 20 + varintBytes / PostingLists.largestBlock)
    }
  }

  @Test func termTableCountsAndClears() {
    var table = TermTable(capacity: 4)
    for round in 0..<3 {
      for key in 1...5000 { table.add(UInt32(key % 7 + round), to: UInt64(key) &* 0x1_0000_0001) }
      for key in [1, 2, 4999] { table.add(1, to: UInt64(key) &* 0x1_0000_0001) }
      #expect(table.count == 5000)
      #expect(table[entry: table.entry(for: 2 &* 0x1_0000_0001)] == UInt32(2 % 7 + round + 1))
      #expect(table[entry: table.entry(for: 3 &* 0x1_0000_0001)] == UInt32(3 % 7 + round))
      table.removeAll()
      #expect(table.count == 0)
    }
  }
}
