/// Scalars that are always a Character of their own: the standard library's own test for a
/// grapheme break between two scalars (`_quickHasGraphemeBreakBetween` in `StringGraphemeBreaking`)
/// holds between any two of them, except carriage return before line feed, which both count as
/// line breaks here. Text made only of them can be walked by scalar with Character results.
public enum SingleScalarCharacter {
  public static func breaksAround(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x3400...0xA4CF, 0x0000...0x02FF, 0x3041...0x3096, 0x30A1...0x30FC, 0x0400...0x0482,
      0x061D...0x064A, 0xAC00...0xD7AF, 0x2010...0x2029, 0x3000...0x3029, 0xFF01...0xFF9D:
      true
    default:
      false
    }
  }

  /// `Character.isNewline` for a one-scalar Character (and for "\r" of "\r\n").
  public static func isNewline(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x0A...0x0D, 0x85, 0x2028, 0x2029: true
    default: false
    }
  }
}
