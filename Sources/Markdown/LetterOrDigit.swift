/// `isAlphabetic || numericType != nil`, the test for a letter or digit of any script, with the
/// answers for ASCII, kana and common kanji given directly: looking up Unicode properties costs
/// far more than the rest of a text scan.
public enum LetterOrDigit {
  public static func test(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x30...0x39, 0x41...0x5A, 0x61...0x7A:
      return true
    case 0...0x7F:
      return false
    case 0x3041...0x3096, 0x30A1...0x30FA, 0x4E00...0x9FFC:
      // Hiragana, katakana and CJK unified ideographs: all letters (Lo).
      return true
    default:
      let properties = scalar.properties
      return properties.isAlphabetic || properties.numericType != nil
    }
  }

  /// Kana and CJK unified ideographs: letters without case, so lowercasing keeps them.
  public static func isCaselessLetter(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x3041...0x3096, 0x30A1...0x30FA, 0x4E00...0x9FFC: true
    default: false
    }
  }
}
