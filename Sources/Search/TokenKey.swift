/// A token packed into 64 bits, so counting and merging postings hash integers, not strings.
///
/// - cjk: the first scalar in bits 21…41 (0 for a single character), the last in bits 0…20;
/// - a word of up to 7 UTF-8 bytes: bit 63, the byte count in bits 56…59, the bytes from bit 0;
/// - a longer word: bit 62 and an index into a word table kept next to the keys.
/// No key is 0, which marks an empty slot in `TermTable`.
struct TokenKey: Hashable, Sendable {
  var raw: UInt64

  static let shortWordTag: UInt64 = 1 << 63
  static let longWordTag: UInt64 = 1 << 62
  static let maxShortWordBytes = 7

  static func cjk(_ scalar: Unicode.Scalar) -> TokenKey {
    TokenKey(raw: UInt64(scalar.value))
  }

  static func cjk(_ first: Unicode.Scalar, _ second: Unicode.Scalar) -> TokenKey {
    TokenKey(raw: UInt64(first.value) << 21 | UInt64(second.value))
  }

  /// Packs a word of at most `maxShortWordBytes` UTF-8 bytes.
  static func shortWord(_ bytes: UnsafeBufferPointer<UInt8>) -> TokenKey {
    var raw = shortWordTag | UInt64(bytes.count) << 56
    for (position, byte) in bytes.enumerated() { raw |= UInt64(byte) << (8 * UInt64(position)) }
    return TokenKey(raw: raw)
  }

  static func longWord(_ index: Int) -> TokenKey {
    TokenKey(raw: longWordTag | UInt64(index))
  }

  var isLongWord: Bool { raw & Self.shortWordTag == 0 && raw & Self.longWordTag != 0 }
  var longWordIndex: Int { Int(raw & ~Self.longWordTag) }

  /// The token's text; a long word's comes from `words`, the table its index points into.
  func text(words: [String]) -> String {
    if raw & Self.shortWordTag != 0 {
      let count = Int(raw >> 56 & 0xF)
      let bytes = (0..<count).map { UInt8(truncatingIfNeeded: raw >> (8 * UInt64($0))) }
      return String(decoding: bytes, as: UTF8.self)
    }
    if isLongWord { return words.indices.contains(longWordIndex) ? words[longWordIndex] : "" }
    var scalars = String.UnicodeScalarView()
    if let first = Unicode.Scalar(UInt32(truncatingIfNeeded: raw >> 21)), first.value != 0 { scalars.append(first) }
    if let last = Unicode.Scalar(UInt32(truncatingIfNeeded: raw & 0x1F_FFFF)) { scalars.append(last) }
    return String(scalars)
  }
}
