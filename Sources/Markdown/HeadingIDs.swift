import Foundation

/// Adds `id` attributes to the rendered headings. Raw HTML is never passed through, so every
/// `<hN>` in cmark's output is a heading of the document, in document order.
enum HeadingIDs {
  /// `html` (cmark's output) with each `<hN>` tag given the next heading's anchor as its `id`,
  /// as one string: scanned as bytes straight from cmark's buffer, which is validated as UTF-8
  /// once, here, instead of once as cmark's string and again while the tags were spliced in.
  static func insert(_ headings: [Heading], into html: UnsafeBufferPointer<UInt8>) -> String {
    guard !headings.isEmpty else { return String(decoding: html, as: UTF8.self) }
    var out: [UInt8] = []
    out.reserveCapacity(html.count + headings.count * 32)
    var copied = 0
    var position = 0
    var index = 0
    while index < headings.count, position + 3 < html.count {
      guard html[position] == UInt8(ascii: "<"), html[position + 1] == UInt8(ascii: "h"),
        (UInt8(ascii: "1")...UInt8(ascii: "6")).contains(html[position + 2]), html[position + 3] == UInt8(ascii: ">")
      else {
        position += 1
        continue
      }
      out.append(contentsOf: UnsafeBufferPointer(rebasing: html[copied..<position]))
      let heading = headings[index]
      out.append(contentsOf: "<h\(heading.level) id=\"\(escapeAttribute(heading.anchor))\">".utf8)
      position += 4
      copied = position
      index += 1
    }
    out.append(contentsOf: UnsafeBufferPointer(rebasing: html[copied...]))
    return String(decoding: out, as: UTF8.self)
  }

  static func escapeAttribute(_ text: String) -> String {
    // Nothing to escape (the usual anchor): every Character would be copied as it is.
    guard text.utf8.contains(where: { $0 == 0x26 || $0 == 0x22 || $0 == 0x3C || $0 == 0x3E }) else { return text }
    var out = ""
    for character in text {
      switch character {
      case "&": out += "&amp;"
      case "\"": out += "&quot;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      default: out.append(character)
      }
    }
    return out
  }
}
