import Assemble
import Crypto
import Foundation
import Render
import Schema

/// The search-index stage: turns analysed pages into the manifest, token shards, document
/// chunks and facet columns described in docs/search-index.md. Pure: same input, same bytes.
public enum SearchIndexWriter {
  public struct Index: Sendable {
    public var files: [OutputFile]
    /// Root-relative URL of the manifest, which every page's search form points at.
    public var manifestURL: String
    public var shardCount: Int
    public var postingCount: Int
  }

  public static let chunkSize = 8
  static let k1 = 1.2
  static let b = 0.75

  public static func write(_ analysed: [SearchDocument], now: DateTime) -> Index {
    let documents = analysed.sorted {
      $0.date != $1.date ? $0.date > $1.date : $0.url < $1.url
    }
    let averageLength = documents.isEmpty ? 1 : max(1, documents.map(\.length).reduce(0, +) / Double(documents.count))

    // token → flat [doc, weight] pairs, doc ids ascending because documents are visited in order.
    var postings: [String: [UInt32]] = [:]
    var postingCount = 0
    for (id, document) in documents.enumerated() {
      let norm = k1 * (1 - b + b * document.length / averageLength)
      for (token, weighted) in document.terms {
        let weight = min(255, max(1, Int((255 * weighted / (weighted + norm)).rounded())))
        postings[token, default: []].append(contentsOf: [UInt32(id), UInt32(weight)])
        postingCount += 1
      }
    }
    let shardCount = shards(for: postingCount)

    var shardTokens = Array(repeating: [String](), count: shardCount)
    for token in postings.keys {
      shardTokens[SearchText.bucket(of: token, shards: shardCount)].append(token)
    }
    var dataFiles: [(String, Data)] = []
    for (bucket, tokens) in shardTokens.enumerated() {
      var json: [UInt8] = [UInt8(ascii: "{")]
      for (position, token) in tokens.sorted().enumerated() {
        if position > 0 { json.append(UInt8(ascii: ",")) }
        json.append(contentsOf: JSONString.quote(token).utf8)
        json.append(contentsOf: ":[".utf8)
        var previous: UInt32 = 0
        let list = postings[token] ?? []
        var index = 0
        while index + 1 < list.count {
          if index > 0 { json.append(UInt8(ascii: ",")) }
          appendDecimal(list[index] - previous, to: &json)
          json.append(UInt8(ascii: ","))
          appendDecimal(list[index + 1], to: &json)
          previous = list[index]
          index += 2
        }
        json.append(UInt8(ascii: "]"))
      }
      json.append(UInt8(ascii: "}"))
      dataFiles.append(("t/\(bucket).json.gz", Gzip.compress(Data(json))))
    }

    var chunk = 0
    while chunk * chunkSize < documents.count {
      let slice = documents[(chunk * chunkSize)..<min(documents.count, (chunk + 1) * chunkSize)]
      let items: [[String: Any]] = slice.map {
        [
          "u": $0.url, "t": $0.title, "y": $0.type, "l": $0.language.rawValue, "d": $0.date.description,
          "s": $0.summary, "x": $0.excerpt,
        ]
      }
      dataFiles.append(("d/\(chunk).json.gz", Gzip.compress(JSONString.encode(items))))
      chunk += 1
    }
    dataFiles.append(("facets.json.gz", Gzip.compress(JSONString.encode(FacetColumns.json(documents, now: now)))))

    var hasher = SHA256()
    for (path, data) in dataFiles {
      hasher.update(data: Data(path.utf8))
      hasher.update(data: data)
    }
    let base = "/search/" + hex(hasher.finalize()).prefix(10) + "/"
    let manifest: [String: Any] = [
      "version": 1, "base": base, "docs": documents.count, "shards": shardCount, "chunkSize": chunkSize,
      "chunks": chunk,
      "fields": [
        "title": SearchDocument.fieldBoosts.title, "headings": SearchDocument.fieldBoosts.headings,
        "body": SearchDocument.fieldBoosts.body,
      ], "bm25": ["k1": k1, "b": b],
    ]
    let manifestData = JSONString.encode(manifest)
    let manifestName = "search/manifest.\(hex(SHA256.hash(data: manifestData)).prefix(10)).json"
    var files = dataFiles.map { OutputFile(path: String(base.dropFirst()) + $0.0, data: $0.1) }
    files.append(OutputFile(path: manifestName, data: manifestData))
    return Index(files: files, manifestURL: "/" + manifestName, shardCount: shardCount, postingCount: postingCount)
  }

  static func appendDecimal(_ value: UInt32, to buffer: inout [UInt8]) {
    if value < 10 {
      buffer.append(UInt8(ascii: "0") + UInt8(value))
      return
    }
    var digits: [UInt8] = []
    var rest = value
    while rest > 0 {
      digits.append(UInt8(ascii: "0") + UInt8(rest % 10))
      rest /= 10
    }
    buffer.append(contentsOf: digits.reversed())
  }

  /// About 4,000 postings a shard (a few KB gzipped), a power of two between 1 and 4,096.
  static func shards(for postings: Int) -> Int {
    var count = 1
    while count < 4096 && count * 4000 < postings { count *= 2 }
    return count
  }

  static func hex<D: Sequence>(_ digest: D) -> String where D.Element == UInt8 {
    digest.map { String(format: "%02x", $0) }.joined()
  }
}

/// JSON text with sorted keys, so the bytes are stable.
enum JSONString {
  static func encode(_ object: Any) -> Data {
    (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data()
  }

  static func quote(_ text: String) -> String {
    var out = "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case _ where scalar.value < 0x20: out += String(format: "\\u%04x", scalar.value)
      default: out.unicodeScalars.append(scalar)
      }
    }
    return out + "\""
  }
}
