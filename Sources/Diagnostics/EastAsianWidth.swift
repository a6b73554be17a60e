/// East Asian Wide and Fullwidth characters (UAX #11), the ranges that matter for Japanese text.
/// Used to align carets under Japanese source lines and, in Markdown, to drop soft breaks
/// between two wide characters (CSS Text 3, segment break transformation).
public enum EastAsianWidth {
  public static func isWide(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x1100...0x115F,  // Hangul Jamo
      0x2E80...0x303E,  // CJK radicals, Kangxi, ideographic description, CJK symbols and punctuation
      0x3041...0x33FF,  // Hiragana, Katakana, Bopomofo, Kanbun, CJK strokes, enclosed, compatibility
      0x3400...0x4DBF,  // CJK Extension A
      0x4E00...0x9FFF,  // CJK Unified Ideographs
      0xA000...0xA4CF,  // Yi
      0xAC00...0xD7A3,  // Hangul syllables
      0xF900...0xFAFF,  // CJK compatibility ideographs
      0xFE30...0xFE4F,  // CJK compatibility forms
      0xFF00...0xFF60,  // Fullwidth forms
      0xFFE0...0xFFE6,  // Fullwidth signs
      0x1F300...0x1F64F,  // Misc symbols and pictographs, emoticons
      0x1F900...0x1F9FF,  // Supplemental symbols and pictographs
      0x20000...0x3FFFD:  // CJK Extensions B and later
      return true
    default:
      return false
    }
  }
}
