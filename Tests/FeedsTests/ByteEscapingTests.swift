import Markdown
import Testing

@testable import Feeds

/// The escapers and the link rewriter work over UTF-8 bytes; they must give what the plain
/// definitions below (scalar by scalar, search by search) give, on awkward text and on random text.
@Suite struct ByteEscapingTests {
  static let samples: [String] = [
    "", "plain", "日本語のテキスト", #"a & b <c> "d" 'e'"#, "tab\there\nnew\r\nline", "\u{00}\u{01}\u{07}\u{1F}\u{7F}",
    "U+FFFE \u{FFFE} U+FFFF \u{FFFF} U+FFFD \u{FFFD}", "line \u{2028} para \u{2029} end", "🩺 &\u{301} é",
    "\u{EF}\u{BF}", "ends with \u{FFFF}", "\u{E2}\u{80}", "\\ back \\\\ slash /", "\"\"''<<>>&&",
    #"<a href="/a/">a</a><img src="/i.png"><a href="//cdn/x">b</a><a href="/">r</a> src="/x" href="/"#,
    #" href="/ href="// src=""#, #"<a  href="/double-space">x</a><a data-src="/no">y</a>"#,
  ]

  /// Random text over an alphabet of the characters the escapers treat specially.
  static func random(_ seed: UInt64, count: Int) -> String {
    let alphabet: [String] = [
      "a", " ", "&", "<", ">", "\"", "'", "\n", "\r", "\t", "\u{00}", "\u{1B}", "\\", "/", "日", "🩺",
      "\u{FFFE}", "\u{FFFF}", "\u{2028}", "\u{2029}", " href=\"", " src=\"", "=", "\u{301}",
    ]
    var state = seed
    var text = ""
    for _ in 0..<count {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      text += alphabet[Int(state >> 33) % alphabet.count]
    }
    return text
  }

  static var all: [String] { samples + (1...200).map { random(UInt64($0), count: $0 % 40 + 1) } }

  @Test func xmlEscapingIsTheScalarDefinition() {
    for text in Self.all {
      #expect(XMLText.escape(text) == Reference.xmlEscape(text), "\(text.debugDescription)")
      #expect(XMLText.escapeAttribute(text) == Reference.xmlAttribute(text), "\(text.debugDescription)")
    }
  }

  @Test func jsonQuotingIsTheScalarDefinition() {
    for text in Self.all {
      #expect(JSONText.quote(text) == Reference.jsonQuote(text), "\(text.debugDescription)")
    }
    let value = JSONValue.object([
      ("a", .array([.string("x"), .object([]), .array([.string("y\n")])])),
      ("b", .object([("c", .string("\u{2028}"))])),
    ])
    #expect(value.serialized() == Reference.serialized(value))
    #expect(value.serialized(indent: "  ") == Reference.serialized(value, indent: "  "))
  }

  @Test func iCalendarEscapingAndFoldingAreTheScalarDefinitions() {
    var folded = 0
    for text in Self.all {
      #expect(ICalText.escape(text) == Reference.icalEscape(text), "\(text.debugDescription)")
      let simple = String(
        String.UnicodeScalarView(text.unicodeScalars.filter { $0 != "\r" && SingleScalarCharacter.breaksAround($0) }))
      for line in [
        "DESCRIPTION:" + ICalText.escape(text), String(repeating: ICalText.escape(simple) + "表a", count: 9),
        "SUMMARY:" + String(repeating: simple + "€", count: 7),
      ] {
        let scalars = line.unicodeScalars
        guard scalars.allSatisfy({ $0 != "\r" && SingleScalarCharacter.breaksAround($0) }) else { continue }
        let expected = Reference.icalFolded(scalars.map { String($0) })
        #expect(ICalText.fold(line) == expected, "\(line.debugDescription)")
        if line.utf8.count > ICalText.maxLineOctets { folded += 1 }
      }
    }
    #expect(folded > 100, "enough lines long enough to fold")
  }

  @Test func linkRewritingIsTheSearchDefinition() {
    for base in ["https://hub.example.org/", "http://localhost:8000/hub"] {
      let links = SiteLinks(baseURL: base)
      for text in Self.all {
        #expect(links.absolutizingLinks(in: text) == Reference.absolutizing(text, base: links.base))
      }
    }
  }
}

/// The definitions the byte scanners replaced (their code before, kept here as the reference).
enum Reference {
  /// iCalendar folding of a line's pieces, as strings: 75 octets on the first line, 74 after the
  /// leading space of each continuation.
  static func icalFolded(_ pieces: [String]) -> String {
    var out = ""
    var octets = 0
    var limit = 75
    for piece in pieces {
      if octets + piece.utf8.count > limit && octets > 0 {
        out += "\r\n "
        octets = 0
        limit = 74
      }
      out += piece
      octets += piece.utf8.count
    }
    return out
  }

  /// iCalendar TEXT escaping, scalar by scalar.
  static func icalEscape(_ text: String) -> String {
    var out = ""
    var afterCarriageReturn = false
    for scalar in text.unicodeScalars {
      defer { afterCarriageReturn = scalar == "\r" }
      switch scalar {
      case "\\": out += "\\\\"
      case ";": out += "\\;"
      case ",": out += "\\,"
      case "\r": out += "\\n"
      case "\n": if !afterCarriageReturn { out += "\\n" }
      case "\t": out.unicodeScalars.append(scalar)
      default: if !ICalText.isControl(scalar) { out.unicodeScalars.append(scalar) }
      }
    }
    return out
  }

  static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x9, 0xA, 0xD: true
    case 0x20...0xFFFD, 0x10000...0x10FFFF: true
    default: false
    }
  }

  static func xmlEscape(_ text: String) -> String {
    var out = ""
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

  static func xmlAttribute(_ text: String) -> String {
    var out = ""
    for scalar in xmlEscape(text).unicodeScalars {
      switch scalar {
      case "\"": out += "&quot;"
      case "'": out += "&apos;"
      case "\n": out += "&#10;"
      case "\r": out += "&#13;"
      case "\t": out += "&#9;"
      default: out.unicodeScalars.append(scalar)
      }
    }
    return out
  }

  static func jsonQuote(_ text: String) -> String {
    var out = "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      case "\u{08}": out += "\\b"
      case "\u{0C}": out += "\\f"
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

  static func serialized(_ value: JSONValue, indent: String = "") -> String {
    let inner = indent + "  "
    switch value {
    case .string(let text):
      return jsonQuote(text)
    case .array(let items):
      guard !items.isEmpty else { return "[]" }
      return "[\n" + items.map { inner + serialized($0, indent: inner) }.joined(separator: ",\n") + "\n\(indent)]"
    case .object(let members):
      guard !members.isEmpty else { return "{}" }
      let body = members.map { inner + jsonQuote($0.0) + ": " + serialized($0.1, indent: inner) }
      return "{\n" + body.joined(separator: ",\n") + "\n\(indent)}"
    }
  }

  /// Over UTF-8 code units, as the rewriter reads HTML: the earliest ` href="` or ` src="`
  /// followed by one `/` (not two) gets the base in place of that `/`.
  static func absolutizing(_ html: String, base: String) -> String {
    let bytes = Array(html.utf8)
    var out: [UInt8] = []
    var index = 0
    while index < bytes.count {
      var matched = false
      for attribute in [" href=\"", " src=\""].map({ Array($0.utf8) }) {
        let end = index + attribute.count
        guard end < bytes.count, Array(bytes[index..<end]) == attribute, bytes[end] == UInt8(ascii: "/"),
          end + 1 == bytes.count || bytes[end + 1] != UInt8(ascii: "/")
        else { continue }
        out += bytes[index..<end] + Array(base.utf8)
        index = end + 1
        matched = true
        break
      }
      if !matched {
        out.append(bytes[index])
        index += 1
      }
    }
    return String(decoding: out, as: UTF8.self)
  }
}
