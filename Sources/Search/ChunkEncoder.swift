import Foundation
import Load

/// Writes the document chunks `d/<chunk>.json.gz` (docs/search-index.md) directly as bytes: the
/// same text `JSONSerialization` gives with sorted keys and unescaped slashes (a test holds the
/// two together), without building `[String: Any]` for every document.
enum ChunkEncoder {
  static let chunkSize = SearchIndexWriter.chunkSize

  /// The chunk files of all documents, on every core.
  static func files(_ documents: [SearchDocument], chunkSize: Int) -> [(String, Data)] {
    let chunks = (documents.count + chunkSize - 1) / chunkSize
    return OrderedParallel.batches(count: chunks, size: 16) { range in
      files(
        Array(documents[(range.lowerBound * chunkSize)..<min(documents.count, range.upperBound * chunkSize)]),
        firstChunk: range.lowerBound)
    }
  }

  /// The chunk files of consecutive documents, the first starting chunk `firstChunk`.
  static func files(_ documents: [SearchDocument], firstChunk: Int) -> [(String, Data)] {
    stride(from: 0, to: documents.count, by: chunkSize).map { start in
      let slice = documents[start..<min(documents.count, start + chunkSize)]
      return ("d/\(firstChunk + start / chunkSize).json.gz", json(slice).withUnsafeBytes { Gzip.compress($0) })
    }
  }

  static func json(_ documents: ArraySlice<SearchDocument>) -> [UInt8] {
    var json: [UInt8] = [UInt8(ascii: "[")]
    for (position, document) in documents.enumerated() {
      if position > 0 { json.append(UInt8(ascii: ",")) }
      // Keys in sorted order: d l s t u x y.
      let fields = [
        ("d", document.date.description), ("l", document.language.rawValue), ("s", document.summary),
        ("t", document.title), ("u", document.url), ("x", document.excerpt), ("y", document.type),
      ]
      json.append(UInt8(ascii: "{"))
      for (index, (key, value)) in fields.enumerated() {
        if index > 0 { json.append(UInt8(ascii: ",")) }
        appendString(key, to: &json)
        json.append(UInt8(ascii: ":"))
        appendString(value, to: &json)
      }
      json.append(UInt8(ascii: "}"))
    }
    json.append(UInt8(ascii: "]"))
    return json
  }

  /// A JSON string the way `JSONSerialization` writes it with `.withoutEscapingSlashes`.
  static func appendString(_ text: String, to json: inout [UInt8]) {
    json.append(UInt8(ascii: "\""))
    for byte in text.utf8 {
      switch byte {
      case UInt8(ascii: "\""): json.append(contentsOf: "\\\"".utf8)
      case UInt8(ascii: "\\"): json.append(contentsOf: "\\\\".utf8)
      case 0x08: json.append(contentsOf: "\\b".utf8)
      case 0x0C: json.append(contentsOf: "\\f".utf8)
      case 0x0A: json.append(contentsOf: "\\n".utf8)
      case 0x0D: json.append(contentsOf: "\\r".utf8)
      case 0x09: json.append(contentsOf: "\\t".utf8)
      case 0x00...0x1F: json.append(contentsOf: "\\u00\(byte < 0x10 ? "0" : "")\(String(byte, radix: 16))".utf8)
      default: json.append(byte)
      }
    }
    json.append(UInt8(ascii: "\""))
  }
}
