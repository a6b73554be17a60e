import Foundation
import Load

/// Writes the token shards `t/<bucket>.json.gz` (docs/search-index.md) from the postings, the
/// shards spread over every core and returned (or handed on a group at a time) in bucket order.
struct ShardEncoder {
  let postings: PostingsBuilder
  let shardCount: Int

  /// One shard: its file name, its JSON (when asked for) and its gzipped file.
  struct Shard {
    var name: String
    var json: [UInt8] = []
    var file = Data()
  }

  func files() -> [(String, Data)] {
    var files: [(String, Data)] = []
    encode { files += $0.map { ($0.name, $0.file) } }
    return files
  }

  /// Encodes the shards a group of `groupSize` buckets at a time, each group on every core, and
  /// hands each group to `body` on the calling thread, in bucket order, while the next group is
  /// encoded: only two groups are held at once. Encoding is pure, so every call gives the same
  /// bytes.
  /// - Parameter json: keep each shard's JSON in `Shard.json` too.
  func encode(groupSize: Int = 256, json keepJSON: Bool = false, _ body: ([Shard]) -> Void) {
    let texts = postings.tokenTexts()
    var grouped = Array(repeating: [Int](), count: shardCount)
    for (token, text) in texts.enumerated() {
      grouped[SearchText.bucket(of: text, shards: shardCount)].append(token)
    }
    let buckets = grouped
    let averageLength =
      postings.documentCount == 0
      ? 1 : max(1, postings.lengths.reduce(0.0) { $0 + Double($1) } / Double(postings.documentCount))
    let k1 = SearchIndexWriter.k1
    let b = SearchIndexWriter.b
    let norms = postings.lengths.map { k1 * (1 - b + b * Double($0) / averageLength) }
    let postings = self.postings
    let size = Swift.max(1, groupSize)
    @Sendable func group(_ first: Int) -> [Shard] {
      OrderedParallel.batches(count: Swift.max(0, Swift.min(shardCount - first, size)), size: 8) { range in
        range.map { offset in
          let bucket = first + offset
          let tokens = buckets[bucket].sorted { texts[$0] < texts[$1] }
          let json = Self.json(tokens, texts: texts, postings: postings, norms: norms)
          return Shard(
            name: "t/\(bucket).json.gz", json: keepJSON ? json : [],
            file: json.withUnsafeBytes { Gzip.compress($0) })
        }
      }
    }
    // Each group is handed on while the next one is encoded.
    var current = group(0)
    var first = 0
    while first < shardCount {
      let next = first + size
      let done = current
      (_, current) = OrderedParallel.concurrently({ body(done) }, { group(next) })
      first = next
    }
  }

  /// `{"token":[delta,weight,delta,weight,…],…}`, written straight into a buffer sized for the
  /// worst case, so no byte is appended one at a time through the array (at 100k entries the
  /// shards hold 113 million postings, and this ran once per byte).
  static func json(_ tokens: [Int], texts: [String], postings: PostingsBuilder, norms: [Double]) -> [UInt8] {
    // A posting's two varints of k bytes each hold a value below 2^(7k), at most 3k decimal
    // digits (a weight, at most 255, takes the place of a count of at least one byte), and each
    // is followed by a comma: four bytes of JSON per stored byte. A token's text takes at most six
    // bytes per byte escaped (`\u001f`), plus quotes, colon, brackets and a comma.
    var bound = 2
    for token in tokens {
      bound += 6 * texts[token].utf8.count + 6 + 4 * postings.storedBytes(of: token)
    }
    return [UInt8](unsafeUninitializedCapacity: bound) { buffer, count in
      guard let out = buffer.baseAddress else { return }
      var at = 0
      out[at] = UInt8(ascii: "{")
      at += 1
      for (position, token) in tokens.enumerated() {
        if position > 0 {
          out[at] = UInt8(ascii: ",")
          at += 1
        }
        at = writeQuoted(texts[token], to: out, at: at)
        out[at] = UInt8(ascii: ":")
        out[at + 1] = UInt8(ascii: "[")
        at += 2
        var previous: UInt32 = 0
        var first = true
        postings.forEachPosting(of: token) { document, count in
          if !first {
            out[at] = UInt8(ascii: ",")
            at += 1
          }
          first = false
          let weighted = Double(count)
          let weight = min(255, max(1, Int((255 * weighted / (weighted + norms[Int(document)])).rounded())))
          at = writeDecimal(document - previous, to: out, at: at)
          out[at] = UInt8(ascii: ",")
          at = writeDecimal(UInt32(weight), to: out, at: at + 1)
          previous = document
        }
        out[at] = UInt8(ascii: "]")
        at += 1
      }
      out[at] = UInt8(ascii: "}")
      at += 1
      precondition(at <= bound, "shard JSON outgrew its bound")
      count = at
    }
  }

  /// The text as a JSON string: quote and backslash escaped, control characters as `\u00xx`,
  /// every other byte as it is.
  @inline(__always)
  static func writeQuoted(_ text: String, to out: UnsafeMutablePointer<UInt8>, at start: Int) -> Int {
    var at = start
    out[at] = UInt8(ascii: "\"")
    at += 1
    var text = text
    text.withUTF8 { bytes in
      for byte in bytes {
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"):
          out[at] = UInt8(ascii: "\\")
          out[at + 1] = byte
          at += 2
        case 0..<0x20:
          for (offset, digit) in "\\u00".utf8.enumerated() { out[at + offset] = digit }
          out[at + 4] = hexDigits[Int(byte >> 4)]
          out[at + 5] = hexDigits[Int(byte & 0xF)]
          at += 6
        default:
          out[at] = byte
          at += 1
        }
      }
    }
    out[at] = UInt8(ascii: "\"")
    return at + 1
  }

  private static let hexDigits = Array("0123456789abcdef".utf8)

  /// Writes `value` in decimal at `at`; returns the index after it.
  @inline(__always)
  static func writeDecimal(_ value: UInt32, to out: UnsafeMutablePointer<UInt8>, at: Int) -> Int {
    var digits = 1
    var limit: UInt32 = 10
    while digits < 10 && value >= limit {
      digits += 1
      limit &*= 10
    }
    var rest = value
    var index = at + digits - 1
    while index >= at {
      out[index] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: rest % 10)
      rest /= 10
      index -= 1
    }
    return at + digits
  }
}
