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

  private static func nextHeadingTag(in text: Substring) -> Range<Substring.Index>? {
    var search = text
    while let open = search.range(of: "<h") {
      let after = open.upperBound
      guard after < search.endIndex else { return nil }
      let digit = search[after]
      let next = search.index(after: after)
      if ("1"..."6").contains(digit), next < search.endIndex, search[next] == ">" {
        return open.lowerBound..<search.index(after: next)
      }
      search = search[after...]
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
