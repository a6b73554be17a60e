/// Escaping for XML 1.0 character data and attribute values, used by the Atom feed and the
/// sitemap. Every piece of text that reaches those files goes through here.
enum XMLText {
  /// `text` made safe between tags: `&`, `<` and `>` escaped, characters XML 1.0 forbids dropped.
  static func escape(_ text: String) -> String {
    escaped(text, attribute: false)
  }

  /// `text` made safe inside a double- or single-quoted attribute value.
  static func escapeAttribute(_ text: String) -> String {
    escaped(text, attribute: true)
  }

  /// Both escapes in one pass over the UTF-8 bytes, copying runs that need nothing. The only
  /// characters XML 1.0 forbids in a Swift string are the C0 controls but tab, line feed and
  /// carriage return (one byte each) and U+FFFE and U+FFFF (EF BF BE, EF BF BF).
  private static func escaped(_ text: String, attribute: Bool) -> String {
    var text = text
    return text.withUTF8 { bytes in
      var out: [UInt8] = []
      var copied = 0
      var index = 0
      func replace(_ length: Int, with replacement: StaticString?) {
        if out.isEmpty { out.reserveCapacity(bytes.count + 32) }
        out.append(contentsOf: bytes[copied..<index])
        if let replacement { replacement.withUTF8Buffer { out.append(contentsOf: $0) } }
        index += length
        copied = index
      }
      while index < bytes.count {
        let byte = bytes[index]
        switch byte {
        case UInt8(ascii: "&"): replace(1, with: "&amp;")
        case UInt8(ascii: "<"): replace(1, with: "&lt;")
        case UInt8(ascii: ">"): replace(1, with: "&gt;")
        case UInt8(ascii: "\""): if attribute { replace(1, with: "&quot;") } else { index += 1 }
        case UInt8(ascii: "'"): if attribute { replace(1, with: "&apos;") } else { index += 1 }
        // Literal whitespace in an attribute is normalised to a space by parsers; keep it.
        case 0x0A: if attribute { replace(1, with: "&#10;") } else { index += 1 }
        case 0x0D: if attribute { replace(1, with: "&#13;") } else { index += 1 }
        case 0x09: if attribute { replace(1, with: "&#9;") } else { index += 1 }
        case 0x00..<0x20: replace(1, with: nil)
        case 0xEF
        where index + 2 < bytes.count && bytes[index + 1] == 0xBF
          && (bytes[index + 2] == 0xBE || bytes[index + 2] == 0xBF):
          replace(3, with: nil)
        default: index += 1
        }
      }
      guard copied > 0 || !out.isEmpty else { return String(decoding: bytes, as: UTF8.self) }
      out.append(contentsOf: bytes[copied...])
      return String(decoding: out, as: UTF8.self)
    }
  }

  /// An element with escaped text content: `<title>a &amp; b</title>`.
  static func element(_ name: String, _ text: String, attributes: [(String, String)] = []) -> String {
    "<\(name)\(attributeList(attributes))>\(escape(text))</\(name)>"
  }

  /// An empty element with escaped attributes: `<link href="…"/>`.
  static func emptyElement(_ name: String, attributes: [(String, String)]) -> String {
    "<\(name)\(attributeList(attributes))/>"
  }

  static func attributeList(_ attributes: [(String, String)]) -> String {
    attributes.map { " \($0.0)=\"\(escapeAttribute($0.1))\"" }.joined()
  }
}
