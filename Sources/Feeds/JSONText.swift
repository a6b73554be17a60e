/// A JSON value whose object keys keep the order they were given in, so the JSON Feed is
/// readable (`version` first) and byte-identical from build to build.
indirect enum JSONValue: Sendable {
  case string(String)
  case array([JSONValue])
  case object([(String, JSONValue)])

  /// Pretty-printed with two-space indentation; `/` and non-ASCII text are written as they are.
  func serialized(indent: String = "") -> String {
    var out = ""
    write(into: &out, indent: indent)
    return out
  }

  private func write(into out: inout String, indent: String) {
    let inner = indent + "  "
    switch self {
    case .string(let text):
      JSONText.quote(text, into: &out)
    case .array(let items):
      guard !items.isEmpty else {
        out += "[]"
        return
      }
      out += "[\n"
      for (offset, item) in items.enumerated() {
        if offset > 0 { out += ",\n" }
        out += inner
        item.write(into: &out, indent: inner)
      }
      out += "\n" + indent + "]"
    case .object(let members):
      guard !members.isEmpty else {
        out += "{}"
        return
      }
      out += "{\n"
      for (offset, member) in members.enumerated() {
        if offset > 0 { out += ",\n" }
        out += inner
        JSONText.quote(member.0, into: &out)
        out += ": "
        member.1.write(into: &out, indent: inner)
      }
      out += "\n" + indent + "}"
    }
  }
}

/// JSON string escaping (RFC 8259).
enum JSONText {
  /// `text` as a JSON string literal: quote, backslash and control characters escaped.
  static func quote(_ text: String) -> String {
    var out = ""
    quote(text, into: &out)
    return out
  }

  /// `quote(_:)` appended to `out`, over the UTF-8 bytes, copying runs that need no escape.
  static func quote(_ text: String, into out: inout String) {
    out += "\""
    var text = text
    text.withUTF8 { bytes in
      var copied = 0
      var index = 0
      func replace(_ length: Int, with replacement: String) {
        out += String(decoding: UnsafeBufferPointer(rebasing: bytes[copied..<index]), as: UTF8.self)
        out += replacement
        index += length
        copied = index
      }
      while index < bytes.count {
        let byte = bytes[index]
        switch byte {
        case UInt8(ascii: "\""): replace(1, with: "\\\"")
        case UInt8(ascii: "\\"): replace(1, with: "\\\\")
        case 0x0A: replace(1, with: "\\n")
        case 0x0D: replace(1, with: "\\r")
        case 0x09: replace(1, with: "\\t")
        case 0x08: replace(1, with: "\\b")
        case 0x0C: replace(1, with: "\\f")
        case 0x00..<0x20:
          let hex = String(byte, radix: 16)
          replace(1, with: "\\u" + String(repeating: "0", count: 4 - hex.count) + hex)
        // U+2028 and U+2029 are valid JSON, but they end a line in JavaScript source; escaped for
        // old readers.
        case 0xE2 where index + 2 < bytes.count && bytes[index + 1] == 0x80 && bytes[index + 2] == 0xA8:
          replace(3, with: "\\u2028")
        case 0xE2 where index + 2 < bytes.count && bytes[index + 1] == 0x80 && bytes[index + 2] == 0xA9:
          replace(3, with: "\\u2029")
        default:
          index += 1
        }
      }
      out += String(decoding: UnsafeBufferPointer(rebasing: bytes[copied...]), as: UTF8.self)
    }
    out += "\""
  }
}
