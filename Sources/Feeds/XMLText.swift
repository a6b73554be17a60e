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

  /// Both escapes in one pass over the UTF-8 bytes. The only characters XML 1.0 forbids in a
  /// Swift string are the C0 controls but tab, line feed and carriage return (one byte each) and
  /// U+FFFE and U+FFFF (EF BF BE, EF BF BF).
  private static func escaped(_ text: String, attribute: Bool) -> String {
    ByteRewrite.apply(text) { bytes, index in
      func replace(_ text: String, length: Int = 1) -> ByteRewrite.Replacement {
        ByteRewrite.Replacement(length: length, text: text)
      }
      switch bytes[index] {
      case UInt8(ascii: "&"): return replace("&amp;")
      case UInt8(ascii: "<"): return replace("&lt;")
      case UInt8(ascii: ">"): return replace("&gt;")
      case UInt8(ascii: "\""): return attribute ? replace("&quot;") : nil
      case UInt8(ascii: "'"): return attribute ? replace("&apos;") : nil
      // Literal whitespace in an attribute is normalised to a space by parsers; keep it.
      case 0x0A: return attribute ? replace("&#10;") : nil
      case 0x0D: return attribute ? replace("&#13;") : nil
      case 0x09: return attribute ? replace("&#9;") : nil
      case 0x00..<0x20: return replace("")
      case 0xEF
      where index + 2 < bytes.count && bytes[index + 1] == 0xBF
        && (bytes[index + 2] == 0xBE || bytes[index + 2] == 0xBF):
        return replace("", length: 3)
      default: return nil
      }
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
