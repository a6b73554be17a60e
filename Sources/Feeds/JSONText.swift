import Render

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

  /// `quote(_:)` appended to `out`, in one pass over the UTF-8 bytes.
  static func quote(_ text: String, into out: inout String) {
    out += "\""
    out += ByteRewrite.apply(text) { bytes, index in
      let byte = bytes[index]
      if let escape = JSONEscape.escape(byte) { return ByteRewrite.Replacement(length: 1, text: escape) }
      // U+2028 and U+2029 (E2 80 A8, E2 80 A9) are valid JSON, but they end a line in
      // JavaScript source; escaped for old readers.
      guard byte == 0xE2, index + 2 < bytes.count, bytes[index + 1] == 0x80,
        bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9
      else { return nil }
      return ByteRewrite.Replacement(length: 3, text: bytes[index + 2] == 0xA8 ? "\\u2028" : "\\u2029")
    }
    out += "\""
  }
}
