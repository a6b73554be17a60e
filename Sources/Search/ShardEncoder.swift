import Foundation
import Load

/// Writes the token shards `t/<bucket>.bin.gz` (docs/search-index.md) from the postings, the
/// shards spread over every core and returned (or handed on a group at a time) in bucket order.
struct ShardEncoder {
  let postings: PostingsBuilder
  let shardCount: Int

  /// One shard: its file name, its bytes (when asked for) and its gzipped file.
  struct Shard {
    var name: String
    var bytes: [UInt8] = []
    var file = Data()
  }

  /// A bucket's file, below the index's folder.
  static func fileName(bucket: Int) -> String { "t/\(bucket).bin.gz" }

  func files() -> [(String, Data)] {
    var files: [(String, Data)] = []
    encode { files += $0.map { ($0.name, $0.file) } }
    return files
  }

  /// Encodes the shards a group of `groupSize` buckets at a time, each group on every core, and
  /// hands each group to `body` on the calling thread, in bucket order, while the next group is
  /// encoded: only two groups are held at once. Encoding is pure, so every call gives the same
  /// bytes.
  /// - Parameter keepingBytes: keep each shard's bytes in `Shard.bytes` too.
  func encode(groupSize: Int = 256, keepingBytes: Bool = false, _ body: ([Shard]) -> Void) {
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
          let bytes = Self.binary(tokens, texts: texts, postings: postings, norms: norms)
          return Shard(
            name: Self.fileName(bucket: bucket), bytes: keepingBytes ? bytes : [],
            file: bytes.withUnsafeBytes { Gzip.compress($0) })
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

  /// The shard's records (docs/search-index.md): per token its UTF-8 length as a varint, the
  /// text, its posting count as a varint, then each posting as a varint document delta and one
  /// weight byte. Written straight into a buffer sized for the worst case, so no byte is appended
  /// one at a time through the array (at 100k entries the shards hold 113 million postings).
  static func binary(_ tokens: [Int], texts: [String], postings: PostingsBuilder, norms: [Double]) -> [UInt8] {
    // A stored posting is its delta's varint and its count's varint of at least one byte; the
    // shard writes the same delta and one weight byte, so never more than is stored.
    var bound = 0
    for token in tokens {
      bound += 2 * maxVarintBytes + texts[token].utf8.count + postings.storedBytes(of: token)
    }
    let counts = postings.postingCounts
    return [UInt8](unsafeUninitializedCapacity: bound) { buffer, count in
      guard let out = buffer.baseAddress else { return }
      var at = 0
      for token in tokens {
        var text = texts[token]
        text.withUTF8 { bytes in
          at = writeVarint(UInt32(bytes.count), to: out, at: at)
          if let base = bytes.baseAddress { (out + at).update(from: base, count: bytes.count) }
          at += bytes.count
        }
        at = writeVarint(counts[token], to: out, at: at)
        var previous: UInt32 = 0
        postings.forEachPosting(of: token) { document, count in
          let weighted = Double(count)
          let weight = min(255, max(1, Int((255 * weighted / (weighted + norms[Int(document)])).rounded())))
          at = writeVarint(document - previous, to: out, at: at)
          out[at] = UInt8(weight)
          at += 1
          previous = document
        }
      }
      precondition(at <= bound, "shard outgrew its bound")
      count = at
    }
  }

  static let maxVarintBytes = 5

  /// Writes `value` as a little-endian base-128 varint at `at`; returns the index after it.
  @inline(__always)
  static func writeVarint(_ value: UInt32, to out: UnsafeMutablePointer<UInt8>, at start: Int) -> Int {
    var at = start
    var rest = value
    while rest >= 0x80 {
      out[at] = UInt8(truncatingIfNeeded: rest) | 0x80
      rest >>= 7
      at += 1
    }
    out[at] = UInt8(rest)
    return at + 1
  }
}
