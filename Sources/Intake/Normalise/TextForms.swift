import Foundation

/// Text clean-ups shared by every field kind.
enum TextForms {
  /// Full NFKC plus trimming: for values with a fixed format (numbers, dates, enum values, URLs),
  /// where `２０２６` and `ｈｔｔｐｓ` mean the ASCII ones.
  static func compatible(_ text: String) -> String {
    text.precomposedStringWithCompatibilityMapping.trimmingCharacters(in: .whitespacesAndNewlines)
  }

  /// For one-line free text (titles): full-width ASCII letters and digits and the ideographic
  /// space become ASCII, Japanese punctuation stays; line breaks and runs of spaces become one
  /// space, so a value can never span lines.
  static func singleLine(_ text: String) -> String {
    let folded = foldWidth(text)
    return folded.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
  }

  /// For the Markdown body: line breaks become `\n`, trailing spaces and blank edges go.
  static func body(_ text: String) -> String {
    text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
      .trimmingCharacters(in: .whitespacesAndNewlines)
  }

  /// Full-width `Ａ-Ｚ ａ-ｚ ０-９` and U+3000 to ASCII; everything else unchanged.
  static func foldWidth(_ text: String) -> String {
    var scalars = String.UnicodeScalarView()
    for scalar in text.unicodeScalars {
      switch scalar.value {
      case 0xFF10...0xFF19, 0xFF21...0xFF3A, 0xFF41...0xFF5A:
        scalars.append(Unicode.Scalar(scalar.value - 0xFEE0) ?? scalar)
      case 0x3000:
        scalars.append(" ")
      default:
        scalars.append(scalar)
      }
    }
    return String(scalars)
  }
}
