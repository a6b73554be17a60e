/// A JSON value whose object keys keep the order they were given in, so the JSON Feed is
/// readable (`version` first) and byte-identical from build to build.
indirect enum JSONValue: Sendable {
  case string(String)
  case array([JSONValue])
  case object([(String, JSONValue)])

  /// Pretty-printed with two-space indentation; `/` and non-ASCII text are written as they are.
  func serialized(indent: String = "") -> String {
    let inner = indent + "  "
    switch self {
    case .string(let text):
      return JSONText.quote(text)
    case .array(let items):
      guard !items.isEmpty else { return "[]" }
      let body = items.map { inner + $0.serialized(indent: inner) }.joined(separator: ",\n")
      return "[\n\(body)\n\(indent)]"
    case .object(let members):
      guard !members.isEmpty else { return "{}" }
      let body = members.map { inner + JSONText.quote($0.0) + ": " + $0.1.serialized(indent: inner) }
        .joined(separator: ",\n")
      return "{\n\(body)\n\(indent)}"
    }
  }
}

/// JSON string escaping (RFC 8259).
enum JSONText {
  /// `text` as a JSON string literal: quote, backslash and control characters escaped.
  static func quote(_ text: String) -> String {
    var out = "\""
    out.reserveCapacity(text.utf8.count + 2)
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      case "\u{08}": out += "\\b"
      case "\u{0C}": out += "\\f"
      // Valid JSON, but they end a line in JavaScript source; escape them for old readers.
      case "\u{2028}": out += "\\u2028"
      case "\u{2029}": out += "\\u2029"
      default:
        if scalar.value < 0x20 {
          let hex = String(scalar.value, radix: 16)
          out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
        } else {
          out.unicodeScalars.append(scalar)
        }
      }
    }
    return out + "\""
  }
}
