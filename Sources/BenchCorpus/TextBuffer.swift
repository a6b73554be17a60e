/// A piece of text as UTF-8 bytes with its length in characters (Unicode scalars; the corpus
/// has no combining sequences), so bodies can be measured without re-scanning them.
struct Piece: Sendable, Hashable {
  let bytes: [UInt8]
  let characters: Int

  init(_ text: String) {
    bytes = Array(text.utf8)
    characters = text.unicodeScalars.count
  }

  var string: String { String(decoding: bytes, as: UTF8.self) }
}

/// An append-only UTF-8 buffer that counts characters as it grows.
struct TextBuffer {
  private(set) var bytes: [UInt8] = []
  private(set) var characters = 0

  init(capacity: Int = 0) {
    bytes.reserveCapacity(capacity)
  }

  var count: Int { bytes.count }

  mutating func append(_ piece: Piece) {
    bytes.append(contentsOf: piece.bytes)
    characters += piece.characters
  }

  /// Appends text made of ASCII and other characters; counts scalars.
  mutating func append(_ text: String) {
    for scalar in text.unicodeScalars {
      characters += 1
      appendScalar(scalar)
    }
  }

  mutating func append(_ other: TextBuffer) {
    bytes.append(contentsOf: other.bytes)
    characters += other.characters
  }

  mutating func appendScalar(_ scalar: Unicode.Scalar) {
    let value = scalar.value
    switch value {
    case 0..<0x80:
      bytes.append(UInt8(value))
    case 0x80..<0x800:
      bytes.append(UInt8(0xC0 | (value >> 6)))
      bytes.append(UInt8(0x80 | (value & 0x3F)))
    case 0x800..<0x10000:
      bytes.append(UInt8(0xE0 | (value >> 12)))
      bytes.append(UInt8(0x80 | ((value >> 6) & 0x3F)))
      bytes.append(UInt8(0x80 | (value & 0x3F)))
    default:
      bytes.append(UInt8(0xF0 | (value >> 18)))
      bytes.append(UInt8(0x80 | ((value >> 12) & 0x3F)))
      bytes.append(UInt8(0x80 | ((value >> 6) & 0x3F)))
      bytes.append(UInt8(0x80 | (value & 0x3F)))
    }
  }

  /// A whole number, with thousands separators from 10,000 up; full-width digits when asked
  /// (Japanese prose mixes both).
  mutating func appendNumber(_ number: Int, fullWidth: Bool) {
    var digits: [UInt8] = []
    var rest = number < 0 ? -number : number
    repeat {
      digits.append(UInt8(rest % 10))
      rest /= 10
    } while rest > 0
    if number < 0 { append(Piece("-")) }
    let grouped = number >= 10_000 || number <= -10_000
    for (position, digit) in digits.enumerated().reversed() {
      if fullWidth {
        // U+FF10 FULLWIDTH DIGIT ZERO … in UTF-8: EF BC 90+d
        bytes.append(contentsOf: [0xEF, 0xBC, 0x90 + digit])
      } else {
        bytes.append(0x30 + digit)
      }
      characters += 1
      if grouped && position > 0 && position % 3 == 0 {
        bytes.append(0x2C)
        characters += 1
      }
    }
  }

  /// Inserts bytes (a whole number of characters) at a byte offset.
  mutating func insert(_ piece: Piece, at offset: Int) {
    bytes.insert(contentsOf: piece.bytes, at: offset)
    characters += piece.characters
  }

  /// Drops everything after `count` bytes, which were `characters` characters.
  mutating func truncate(toBytes count: Int, characters: Int) {
    bytes.removeSubrange(count...)
    self.characters = characters
  }

  var string: String { String(decoding: bytes, as: UTF8.self) }
}
