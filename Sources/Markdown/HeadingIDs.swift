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
    var searchFrom = 0
    while let offset = candidateOffset(in: bytes, from: searchFrom) {
      let open = bytes.index(bytes.startIndex, offsetBy: offset)
      var characters = text[open...].dropFirst(2).prefix(2).makeIterator()
      guard let digit = characters.next() else { return nil }
      let next = characters.next()
      if ("1"..."6").contains(digit), next == ">" {
        return open..<text.index(open, offsetBy: 4)
      }
      searchFrom = offset + 1
    }
    return nil
  }

  /// The byte offset of the next "<h" at or after `start`, scanning the bytes in place.
  private static func candidateOffset(in bytes: Substring.UTF8View, from start: Int) -> Int? {
    func scan(_ buffer: UnsafeBufferPointer<UInt8>) -> Int? {
      var index = start
      while index + 1 < buffer.count {
        if buffer[index] == UInt8(ascii: "<") && buffer[index + 1] == UInt8(ascii: "h") { return index }
        index += 1
      }
      return nil
    }
    if let found = bytes.withContiguousStorageIfAvailable(scan) { return found }
    return Array(bytes).withUnsafeBufferPointer(scan)
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
