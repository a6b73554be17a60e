import Markdown

/// The iCalendar (RFC 5545) content-line rules: TEXT escaping, parameter quoting and folding
/// long lines at 75 octets without ever cutting a UTF-8 character in two.
enum ICalText {
  /// Lines end in CRLF (RFC 5545 §3.1).
  static let lineBreak = "\r\n"
  /// Longest line in octets, excluding the line break (RFC 5545 §3.1).
  static let maxLineOctets = 75

  /// A TEXT value (RFC 5545 §3.3.11): backslash, `;` and `,` escaped; every line break (LF, CR
  /// or CRLF) becomes `\n`; other control characters, which TEXT cannot hold, are dropped.
  static func escape(_ text: String) -> String {
    ByteRewrite.apply(text) { bytes, index in
      switch bytes[index] {
      case UInt8(ascii: "\\"): ByteRewrite.Replacement(length: 1, text: "\\\\")
      case UInt8(ascii: ";"): ByteRewrite.Replacement(length: 1, text: "\\;")
      case UInt8(ascii: ","): ByteRewrite.Replacement(length: 1, text: "\\,")
      case UInt8(ascii: "\r"):
        // CRLF is one line break.
        ByteRewrite.Replacement(
          length: index + 1 < bytes.count && bytes[index + 1] == UInt8(ascii: "\n") ? 2 : 1, text: "\\n")
      case UInt8(ascii: "\n"): ByteRewrite.Replacement(length: 1, text: "\\n")
      case let byte where isControlByte(byte): ByteRewrite.Replacement(length: 1, text: "")
      default: nil
      }
    }
  }

  /// A URI or other non-TEXT value: only the control characters (which would break the line)
  /// are dropped; nothing is escaped.
  static func raw(_ value: String) -> String {
    if !value.utf8.contains(where: isControlByte) { return value }
    return String(String.UnicodeScalarView(value.unicodeScalars.filter { !isControl($0) }))
  }

  /// A parameter value (RFC 5545 §3.2): double quotes and control characters dropped, and the
  /// value quoted when it holds `:`, `;` or `,`.
  static func parameterValue(_ value: String) -> String {
    let clean = String(String.UnicodeScalarView(raw(value).unicodeScalars.filter { $0 != "\"" }))
    return clean.contains(where: { $0 == ":" || $0 == ";" || $0 == "," }) ? "\"\(clean)\"" : clean
  }

  /// Splits a content line into physical lines of at most 75 octets, joined by CRLF and a
  /// space (RFC 5545 §3.1). Breaks fall between characters, never inside a UTF-8 sequence, and
  /// between grapheme clusters whenever a cluster fits on a line.
  static func fold(_ line: String) -> String {
    if line.utf8.count <= maxLineOctets { return line }
    // Most lines are made of scalars that are each a Character of their own ("\r\n" is one):
    // their scalars are their pieces, without splitting the line into grapheme clusters.
    let scalars = line.unicodeScalars
    if scalars.allSatisfy({ $0 != "\r" && SingleScalarCharacter.breaksAround($0) }) {
      return folded(line, pieceLengths: scalars.lazy.map { UTF8.width($0) })
    }
    return folded(line, pieceLengths: pieces(of: line, longest: maxLineOctets - 1).map(\.utf8.count))
  }

  /// The line's pieces (consecutive runs of its UTF-8, of these lengths) filled greedily into
  /// physical lines: the first holds 75 octets, a continuation line 74 after its leading space.
  static func folded(_ line: String, pieceLengths: some Sequence<Int>) -> String {
    var line = line
    return line.withUTF8 { bytes in
      var out: [UInt8] = []
      out.reserveCapacity(bytes.count + bytes.count / 24 + 3)
      var octets = 0
      var limit = maxLineOctets
      var start = 0
      for size in pieceLengths {
        if octets + size > limit && octets > 0 {
          out += (lineBreak + " ").utf8
          octets = 0
          limit = maxLineOctets - 1
        }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<start + size]))
        octets += size
        start += size
      }
      return String(decoding: out, as: UTF8.self)
    }
  }

  /// Undoes `fold`: removes every CRLF followed by a space or tab (RFC 5545 §3.1).
  static func unfold(_ text: String) -> String {
    var out = ""
    var scalars = text.unicodeScalars[...]
    while let scalar = scalars.first {
      if scalar == "\r", scalars.dropFirst().first == "\n",
        let next = scalars.dropFirst(2).first, next == " " || next == "\t"
      {
        scalars = scalars.dropFirst(3)
      } else {
        out.unicodeScalars.append(scalar)
        scalars = scalars.dropFirst()
      }
    }
    return out
  }

  /// The units a line may be broken between: grapheme clusters, or the Unicode scalars of a
  /// cluster too long for one line (a cluster may be, say, an emoji sequence of many scalars).
  static func pieces(of line: String, longest: Int) -> [String] {
    var pieces: [String] = []
    for character in line {
      if character.utf8.count <= longest {
        pieces.append(String(character))
      } else {
        pieces += character.unicodeScalars.map { String($0) }
      }
    }
    return pieces
  }

  /// CONTROL in RFC 5545: U+0000–U+0008, U+000A–U+001F and U+007F (tab is allowed).
  static func isControl(_ scalar: Unicode.Scalar) -> Bool {
    (scalar.value < 0x20 && scalar != "\t") || scalar.value == 0x7F
  }

  /// `isControl` for a UTF-8 byte: every control is one ASCII byte, and no byte of a longer
  /// character is below 0x80.
  static func isControlByte(_ byte: UInt8) -> Bool {
    (byte < 0x20 && byte != UInt8(ascii: "\t")) || byte == 0x7F
  }
}

/// Collects the content lines of an iCalendar object and writes it with folded lines and CRLF.
struct ICalWriter {
  private(set) var lines: [String] = []

  mutating func begin(_ component: String) {
    lines.append("BEGIN:\(component)")
  }

  mutating func end(_ component: String) {
    lines.append("END:\(component)")
  }

  /// A property whose value is written as it is (dates, URIs, fixed words), apart from
  /// dropping control characters.
  mutating func raw(_ name: String, _ value: String, parameters: [(String, String)] = []) {
    let parameterText = parameters.map { ";\($0.0)=\(ICalText.parameterValue($0.1))" }.joined()
    lines.append("\(name)\(parameterText):\(ICalText.raw(value))")
  }

  /// A TEXT property, escaped.
  mutating func text(_ name: String, _ value: String, parameters: [(String, String)] = []) {
    let parameterText = parameters.map { ";\($0.0)=\(ICalText.parameterValue($0.1))" }.joined()
    lines.append("\(name)\(parameterText):\(ICalText.escape(value))")
  }

  /// The whole object: every line folded, every line ending in CRLF.
  var output: String {
    lines.map(ICalText.fold).map { $0 + ICalText.lineBreak }.joined()
  }
}
