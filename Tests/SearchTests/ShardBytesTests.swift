import Foundation
import Testing

@testable import Search

/// A token shard as docs/search-index.md describes it, read back the straightforward way: token
/// → flat `[delta, weight, delta, weight, …]`, as the search client decodes it. Nil when the
/// bytes are not a whole number of records.
func decodeShard(_ bytes: [UInt8]) -> [String: [Int]]? {
  var at = 0
  func varint() -> Int? {
    var value = 0
    var shift = 0
    while at < bytes.count, shift <= 28 {
      let byte = bytes[at]
      at += 1
      value |= Int(byte & 0x7F) << shift
      if byte < 0x80 { return value }
      shift += 7
    }
    return nil
  }
  var shard: [String: [Int]] = [:]
  while at < bytes.count {
    guard let length = varint(), at + length <= bytes.count else { return nil }
    let text = String(decoding: bytes[at..<at + length], as: UTF8.self)
    at += length
    guard let count = varint() else { return nil }
    var list: [Int] = []
    for _ in 0..<count {
      guard let delta = varint(), at < bytes.count else { return nil }
      list += [delta, Int(bytes[at])]
      at += 1
    }
    guard shard[text] == nil else { return nil }
    shard[text] = list
  }
  return shard
}

/// The shard encoder writes into a buffer sized for the worst case; these compare it with a
/// straightforward encoder, on awkward texts, on every varint length and on every weight.
extension IndexEquivalenceTests {
  @Test func shardBytesAreWhatTheStraightforwardEncoderWrites() throws {
    let documents = pages(300).map(SearchDocument.analyze)
    var postings = PostingsBuilder()
    for document in documents { postings.add(document.termCounts) }
    let tokenCount = postings.tokenTexts().count
    try #require(tokenCount > 100)
    let awkward = [
      "", "\"", "\\", "\u{0}\u{1}\u{1F}\t\n\r", "é", "内視鏡", "😀", "𠮷野", "x\u{301}",
      String(repeating: "長", count: 60),
    ]
    var texts = postings.tokenTexts()
    for token in texts.indices where token % 3 == 0 { texts[token] = awkward[token % awkward.count] + "#\(token)" }
    // (`#` never occurs in a token, so the texts stay distinct.) Norms of every size, so weights
    // run from 1 to 255.
    let norms = (0..<postings.documentCount).map { Double(1 << ($0 % 12)) - 1 }
    let tokens = Array((0..<tokenCount).reversed())
    for slice in [tokens, [], Array(tokens.prefix(1)), Array(tokens.suffix(17))] {
      let fast = ShardEncoder.binary(slice, texts: texts, postings: postings, norms: norms)
      let reference = referenceBytes(slice, texts: texts, postings: postings, norms: norms)
      #expect(fast == reference)
    }
    let whole = ShardEncoder.binary(tokens, texts: texts, postings: postings, norms: norms)
    let decoded = try #require(decodeShard(whole))
    #expect(decoded.count == tokenCount)
    #expect(decoded.values.allSatisfy { $0.count % 2 == 0 && !$0.isEmpty })
    let weights = decoded.values.flatMap { list in list.indices.filter { $0 % 2 == 1 }.map { list[$0] } }
    #expect(weights.min() == 1 && weights.max() == 255)
    #expect(Set(decoded.keys) == Set(texts))
  }

  /// A document id past 2^7, 2^14 and 2^21 takes one varint byte more each time.
  @Test func longDeltasTakeMoreVarintBytes() throws {
    var postings = PostingsBuilder()
    let far: Set = [0, 1, 130, 20_000, 4_300_000]
    let terms = SearchTerms(keys: [TokenKey.cjk("内")], counts: [3], words: [], length: 3)
    var empty = SearchTerms()
    empty.length = 1
    for document in 0...4_300_000 {
      postings.add(far.contains(document) ? terms : empty)
    }
    let norms = [Double](repeating: 1, count: postings.documentCount)
    let bytes = ShardEncoder.binary([0], texts: ["内"], postings: postings, norms: norms)
    let shard = try #require(decodeShard(bytes))
    let list = try #require(shard["内"])
    let deltas = list.indices.filter { $0 % 2 == 0 }.map { list[$0] }
    #expect(deltas == [0, 1, 129, 19_870, 4_280_000])
    // Text (1 + 3 bytes), count (1), deltas of 1, 1, 2, 3 and 4 bytes, a weight byte each.
    #expect(bytes.count == 4 + 1 + (1 + 1 + 2 + 3 + 4) + 5)
    #expect(postings.postingCounts == [5])
  }

  @Test func varintsAreLittleEndianBase128() {
    let buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: 16)
    defer { buffer.deallocate() }
    let cases: [(UInt32, [UInt8])] = [
      (0, [0]), (1, [1]), (127, [0x7F]), (128, [0x80, 0x01]), (300, [0xAC, 0x02]),
      (16_383, [0xFF, 0x7F]), (16_384, [0x80, 0x80, 0x01]), (UInt32.max, [0xFF, 0xFF, 0xFF, 0xFF, 0x0F]),
    ]
    for (value, expected) in cases {
      let end = ShardEncoder.writeVarint(value, to: buffer, at: 3)
      #expect(Array(UnsafeBufferPointer(start: buffer + 3, count: end - 3)) == expected, "\(value)")
    }
  }

  @Test func aTruncatedShardIsNotReadAsOne() throws {
    var postings = PostingsBuilder()
    postings.add(SearchTerms(keys: [TokenKey.cjk("内"), TokenKey.cjk("視")], counts: [1, 2], words: [], length: 3))
    let bytes = ShardEncoder.binary([0, 1], texts: ["内", "視"], postings: postings, norms: [1])
    #expect(decodeShard(bytes)?.keys.sorted() == ["内", "視"])
    // Each record is 7 bytes: a cut between them leaves a shorter shard, any other cut none.
    for cut in 1..<bytes.count where cut != 7 {
      #expect(decodeShard(Array(bytes.prefix(cut))) == nil, "cut at \(cut)")
    }
    #expect(decodeShard(Array(bytes.prefix(7)))?.keys.sorted() == ["内"])
  }

  /// The encoder as a reader of the format would write it: one append per byte.
  func referenceBytes(_ tokens: [Int], texts: [String], postings: PostingsBuilder, norms: [Double]) -> [UInt8] {
    func varint(_ value: Int) -> [UInt8] {
      var rest = value
      var out: [UInt8] = []
      repeat {
        out.append(UInt8(rest & 0x7F) | (rest >= 0x80 ? 0x80 : 0))
        rest >>= 7
      } while rest > 0
      return out
    }
    var bytes: [UInt8] = []
    for token in tokens {
      let text = Array(texts[token].utf8)
      var list: [UInt8] = []
      var count = 0
      var previous: UInt32 = 0
      postings.forEachPosting(of: token) { document, weightedCount in
        let weighted = Double(weightedCount)
        let weight = min(255, max(1, Int((255 * weighted / (weighted + norms[Int(document)])).rounded())))
        list += varint(Int(document - previous)) + [UInt8(weight)]
        previous = document
        count += 1
      }
      bytes += varint(text.count) + text + varint(count) + list
    }
    return bytes
  }
}
