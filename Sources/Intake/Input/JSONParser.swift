/// A strict RFC 8259 parser over bytes. Written for intake rather than using JSONSerialization
/// because submissions need what that cannot give: member order, duplicate keys, a nesting limit
/// that does not recurse into hostile input, and a per-value verdict on invalid UTF-8 or lone
/// surrogates so one bad value does not discard a whole array of good records.
struct JSONParser {
  struct SyntaxError: Error, Sendable {
    var offset: Int
    var message: String
  }

  /// Deeper values are skipped without recursion and become `.invalid`.
  static let maxDepth = 32

  private let bytes: [UInt8]
  private(set) var position = 0

  init(bytes: [UInt8], start: Int = 0) {
    self.bytes = bytes
    self.position = start
  }

  /// Byte offsets of the items of a top-level array, so each record can be given its line.
  private(set) var topLevelItemOffsets: [Int] = []

  /// Parses one complete document; only whitespace may follow it.
  static func parseDocument(_ bytes: [UInt8]) throws(SyntaxError) -> JSONValue {
    try parseDocumentWithOffsets(bytes).value
  }

  static func parseDocumentWithOffsets(_ bytes: [UInt8]) throws(SyntaxError) -> (value: JSONValue, itemOffsets: [Int]) {
    var parser = JSONParser(bytes: bytes)
    let value = try parser.parseValue(depth: 0)
    parser.skipWhitespace()
    guard parser.position == bytes.count else {
      throw SyntaxError(offset: parser.position, message: "unexpected text after the JSON value")
    }
    return (value, parser.topLevelItemOffsets)
  }

  /// The offset of the value `parseValue` would read next, after whitespace.
  mutating func peekOffset() -> Int {
    skipWhitespace()
    return position
  }

  mutating func parseValue(depth: Int) throws(SyntaxError) -> JSONValue {
    skipWhitespace()
    guard let byte = current else { throw fail("unexpected end of input") }
    switch byte {
    case UInt8(ascii: "{"), UInt8(ascii: "["):
      if depth >= Self.maxDepth {
        try skipNested()
        return .invalid("nested deeper than \(Self.maxDepth) levels")
      }
      return byte == UInt8(ascii: "{") ? try parseObject(depth: depth) : try parseArray(depth: depth)
    case UInt8(ascii: "\""):
      return try parseString()
    case UInt8(ascii: "t"):
      try expectLiteral("true")
      return .bool(true)
    case UInt8(ascii: "f"):
      try expectLiteral("false")
      return .bool(false)
    case UInt8(ascii: "n"):
      try expectLiteral("null")
      return .null
    case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
      return try parseNumber()
    default:
      throw fail("unexpected character '\(Unicode.Scalar(byte))'")
    }
  }

  private var current: UInt8? { position < bytes.count ? bytes[position] : nil }

  private func fail(_ message: String) -> SyntaxError {
    SyntaxError(offset: position, message: message)
  }

  private mutating func skipWhitespace() {
    while let byte = current, byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 { position += 1 }
  }

  private mutating func expectLiteral(_ word: String) throws(SyntaxError) {
    for expected in word.utf8 {
      guard current == expected else { throw fail("invalid literal, expected '\(word)'") }
      position += 1
    }
  }

  private mutating func parseObject(depth: Int) throws(SyntaxError) -> JSONValue {
    position += 1
    var members: [JSONMember] = []
    skipWhitespace()
    if current == UInt8(ascii: "}") {
      position += 1
      return .object(members)
    }
    while true {
      skipWhitespace()
      let start = position
      guard current == UInt8(ascii: "\"") else { throw fail("expected a quoted member name") }
      let key: String
      switch try parseString() {
      case .string(let text): key = text
      case .invalid(let reason): key = "\u{FFFD}(\(reason))"
      default: throw fail("expected a member name")
      }
      skipWhitespace()
      guard current == UInt8(ascii: ":") else { throw fail("expected ':' after a member name") }
      position += 1
      let value = try parseValue(depth: depth + 1)
      members.append(JSONMember(key: key, value: value, offset: start))
      skipWhitespace()
      switch current {
      case UInt8(ascii: ","): position += 1
      case UInt8(ascii: "}"):
        position += 1
        return .object(members)
      default: throw fail("expected ',' or '}' in an object")
      }
    }
  }

  private mutating func parseArray(depth: Int) throws(SyntaxError) -> JSONValue {
    position += 1
    var items: [JSONValue] = []
    skipWhitespace()
    if current == UInt8(ascii: "]") {
      position += 1
      return .array(items)
    }
    while true {
      if depth == 0 { topLevelItemOffsets.append(peekOffset()) }
      items.append(try parseValue(depth: depth + 1))
      skipWhitespace()
      switch current {
      case UInt8(ascii: ","): position += 1
      case UInt8(ascii: "]"):
        position += 1
        return .array(items)
      default: throw fail("expected ',' or ']' in an array")
      }
    }
  }

  /// Steps over a too-deep object or array by counting brackets, outside strings.
  private mutating func skipNested() throws(SyntaxError) {
    var level = 0
    var inString = false
    while let byte = current {
      position += 1
      if inString {
        if byte == UInt8(ascii: "\\") {
          position += 1
        } else if byte == UInt8(ascii: "\"") {
          inString = false
        }
        continue
      }
      switch byte {
      case UInt8(ascii: "\""): inString = true
      case UInt8(ascii: "{"), UInt8(ascii: "["): level += 1
      case UInt8(ascii: "}"), UInt8(ascii: "]"):
        level -= 1
        if level == 0 { return }
      default: break
      }
    }
    throw fail("unexpected end of input inside a nested value")
  }

  private mutating func parseNumber() throws(SyntaxError) -> JSONValue {
    let start = position
    if current == UInt8(ascii: "-") { position += 1 }
    func digits() -> Int {
      var count = 0
      while let byte = current, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) {
        position += 1
        count += 1
      }
      return count
    }
    guard digits() > 0 else { throw fail("invalid number") }
    if current == UInt8(ascii: ".") {
      position += 1
      guard digits() > 0 else { throw fail("invalid number") }
    }
    if current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
      position += 1
      if current == UInt8(ascii: "+") || current == UInt8(ascii: "-") { position += 1 }
      guard digits() > 0 else { throw fail("invalid number") }
    }
    return .number(String(decoding: bytes[start..<position], as: UTF8.self))
  }

  private mutating func parseString() throws(SyntaxError) -> JSONValue {
    position += 1
    var buffer: [UInt8] = []
    var problem: String?
    while true {
      // Plain bytes are copied in one run; only quotes, escapes and control bytes stop it.
      let runStart = position
      while position < bytes.count, bytes[position] >= 0x20, bytes[position] != 0x22, bytes[position] != 0x5C {
        position += 1
      }
      buffer.append(contentsOf: bytes[runStart..<position])
      guard let byte = current else { throw fail("unterminated string") }
      position += 1
      switch byte {
      case UInt8(ascii: "\""):
        if let problem { return .invalid(problem) }
        guard let text = String(validating: buffer, as: UTF8.self) else { return .invalid("invalid UTF-8") }
        return .string(text)
      case UInt8(ascii: "\\"):
        guard let escape = current else { throw fail("unterminated string") }
        position += 1
        switch escape {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): buffer.append(escape)
        case UInt8(ascii: "b"): buffer.append(0x08)
        case UInt8(ascii: "f"): buffer.append(0x0C)
        case UInt8(ascii: "n"): buffer.append(0x0A)
        case UInt8(ascii: "r"): buffer.append(0x0D)
        case UInt8(ascii: "t"): buffer.append(0x09)
        case UInt8(ascii: "u"):
          if let scalar = try unicodeEscape() {
            buffer.append(contentsOf: Array(String(Character(scalar)).utf8))
          } else {
            problem = problem ?? "a lone UTF-16 surrogate (\\ud800–\\udfff)"
          }
        default: throw fail("invalid escape '\\\(Unicode.Scalar(escape))'")
        }
      case 0x00..<0x20:
        throw fail("control character U+\(String(byte, radix: 16, uppercase: true)) inside a string")
      default:
        buffer.append(byte)
      }
    }
  }

  /// Reads the hex digits after `\u` (and a following low surrogate); nil for a lone surrogate.
  private mutating func unicodeEscape() throws(SyntaxError) -> Unicode.Scalar? {
    let high = try hex4()
    if (0xDC00...0xDFFF).contains(high) { return nil }
    guard (0xD800...0xDBFF).contains(high) else { return Unicode.Scalar(high) }
    guard position + 1 < bytes.count, bytes[position] == UInt8(ascii: "\\"), bytes[position + 1] == UInt8(ascii: "u")
    else { return nil }
    position += 2
    let low = try hex4()
    guard (0xDC00...0xDFFF).contains(low) else { return nil }
    return Unicode.Scalar(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00))
  }

  private mutating func hex4() throws(SyntaxError) -> UInt32 {
    guard position + 4 <= bytes.count,
      let value = UInt32(String(decoding: bytes[position..<position + 4], as: UTF8.self), radix: 16)
    else { throw fail("invalid \\u escape") }
    position += 4
    return value
  }
}
