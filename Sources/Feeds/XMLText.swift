/// Escaping for XML 1.0 character data and attribute values, used by the Atom feed and the
/// sitemap. Every piece of text that reaches those files goes through here.
enum XMLText {
  /// `text` made safe between tags: `&`, `<` and `>` escaped, characters XML 1.0 forbids dropped.
  static func escape(_ text: String) -> String {
    var out = ""
    out.reserveCapacity(text.utf8.count)
    for scalar in text.unicodeScalars where isAllowed(scalar) {
      switch scalar {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      default: out.unicodeScalars.append(scalar)
      }
    }
    return out
  }

  /// `text` made safe inside a double- or single-quoted attribute value.
  static func escapeAttribute(_ text: String) -> String {
    var out = ""
    out.reserveCapacity(text.utf8.count)
    for scalar in escape(text).unicodeScalars {
      switch scalar {
      case "\"": out += "&quot;"
      case "'": out += "&apos;"
      // Literal whitespace in an attribute is normalised to a space by parsers; keep it.
      case "\n": out += "&#10;"
      case "\r": out += "&#13;"
      case "\t": out += "&#9;"
      default: out.unicodeScalars.append(scalar)
      }
    }
    return out
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

  /// XML 1.0 `Char`: tab, newline, carriage return, and everything from U+0020 except the
  /// non-characters U+FFFE and U+FFFF (surrogates cannot occur in a Swift string).
  static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x9, 0xA, 0xD: true
    case 0x20...0xFFFD, 0x10000...0x10FFFF: true
    default: false
    }
  }
}
