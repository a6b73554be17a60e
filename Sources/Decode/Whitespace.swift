import Foundation

/// `CharacterSet.whitespacesAndNewlines` without a Foundation string call per value: ASCII is
/// answered directly, everything else by the character set, scalar by scalar as Foundation trims.
public enum Whitespace {
  public static func contains(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x09...0x0D, 0x20: true
    case 0...0x7F: false
    default: CharacterSet.whitespacesAndNewlines.contains(scalar)
    }
  }

  /// `text.trimmingCharacters(in: .whitespacesAndNewlines)`.
  public static func trimmed(_ text: String) -> String {
    let scalars = text.unicodeScalars
    guard let first = scalars.firstIndex(where: { !contains($0) }),
      let last = scalars.lastIndex(where: { !contains($0) })
    else { return "" }
    return String(scalars[first...last])
  }

  /// Whether the text is empty or only whitespace and newlines.
  public static func isBlank(_ text: String) -> Bool {
    text.unicodeScalars.allSatisfy(contains)
  }
}
