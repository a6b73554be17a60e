import Foundation

/// Adds `id` attributes to the rendered headings. Raw HTML is never passed through, so every
/// `<hN>` in cmark's output is a heading of the document, in document order.
enum HeadingIDs {
  static func insert(_ headings: [Heading], into html: String) -> String {
    guard !headings.isEmpty else { return html }
    var out = ""
    out.reserveCapacity(html.utf8.count + headings.count * 32)
    var rest = html[...]
    var index = 0
    while index < headings.count, let range = nextHeadingTag(in: rest) {
      out += rest[rest.startIndex..<range.lowerBound]
      let heading = headings[index]
      out += "<h\(heading.level) id=\"\(escapeAttribute(heading.anchor))\">"
      rest = rest[range.upperBound...]
      index += 1
    }
    out += rest
    return out
  }

  /// The next `<hN>` tag: found by its bytes, then confirmed Character by Character (the digit and
  /// the `>` must be Characters of their own, as they always are in cmark's output).
  private static func nextHeadingTag(in text: Substring) -> Range<Substring.Index>? {
    let bytes = text.utf8
    var position = bytes.startIndex
    while let open = bytes[position...].firstIndex(of: UInt8(ascii: "<")) {
      position = bytes.index(after: open)
      guard position < bytes.endIndex, bytes[position] == UInt8(ascii: "h") else { continue }
      var characters = text[open...].dropFirst(2).prefix(2).makeIterator()
      guard let digit = characters.next() else { return nil }
      let next = characters.next()
      if ("1"..."6").contains(digit), next == ">" {
        return open..<text.index(open, offsetBy: 4)
      }
    }
    return nil
  }

  static func escapeAttribute(_ text: String) -> String {
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
