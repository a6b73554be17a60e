import Foundation
import Load

/// Writes the token shards `t/<bucket>.json.gz` (docs/search-index.md) from the postings, the
/// shards spread over every core and returned (or handed on a group at a time) in bucket order.
struct ShardEncoder {
  let postings: PostingsBuilder
  let shardCount: Int

  /// One shard: its file name, its JSON (when asked for) and its gzipped file (when asked for).
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
  /// - Parameters:
  ///   - json: keep each shard's JSON in `Shard.json`.
  ///   - compress: gzip each shard into `Shard.file` (the slow part: without it, a pass costs the
  ///     JSON only).
  func encode(groupSize: Int = 256, json keepJSON: Bool = false, compress: Bool = true, _ body: ([Shard]) -> Void) {
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
            file: compress ? json.withUnsafeBytes { Gzip.compress($0) } : Data())
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

  static func json(_ tokens: [Int], texts: [String], postings: PostingsBuilder, norms: [Double]) -> [UInt8] {
    var json: [UInt8] = [UInt8(ascii: "{")]
    for (position, token) in tokens.enumerated() {
      if position > 0 { json.append(UInt8(ascii: ",")) }
      json.append(contentsOf: JSONString.quote(texts[token]).utf8)
      json.append(contentsOf: ":[".utf8)
      var previous: UInt32 = 0
      var first = true
      postings.forEachPosting(of: token) { document, count in
        if !first { json.append(UInt8(ascii: ",")) }
        first = false
        let weighted = Double(count)
        let weight = min(255, max(1, Int((255 * weighted / (weighted + norms[Int(document)])).rounded())))
        appendDecimal(document - previous, to: &json)
        json.append(UInt8(ascii: ","))
        appendDecimal(UInt32(weight), to: &json)
        previous = document
      }
      json.append(UInt8(ascii: "]"))
    }
    json.append(UInt8(ascii: "}"))
    return json
  }

  @inline(__always)
  static func appendDecimal(_ value: UInt32, to buffer: inout [UInt8]) {
    if value < 10 {
      buffer.append(UInt8(ascii: "0") + UInt8(value))
      return
    }
    var divisor: UInt32 = 10
    while divisor <= value / 10 { divisor *= 10 }
    var rest = value
    while divisor > 0 {
      buffer.append(UInt8(ascii: "0") + UInt8(rest / divisor))
      rest %= divisor
      divisor /= 10
    }
  }
}
