/// Makes heading anchors that keep Japanese text and stay unique within a document:
/// 「上市までの流れ」 → `上市までの流れ`, "ISO 13485 and QMS" → `iso-13485-and-qms`.
public struct HeadingAnchors: Sendable {
  private var used: Set<String> = []

  public init() {}

  public mutating func anchor(for text: String) -> String {
    let base = Self.slug(text)
    let stem = base.isEmpty ? "section" : base
    var candidate = stem
    var counter = 1
    while used.contains(candidate) {
      candidate = "\(stem)-\(counter)"
      counter += 1
    }
    used.insert(candidate)
    return candidate
  }

  /// Lowercases ASCII letters, turns spaces into hyphens and drops punctuation; letters and
  /// digits of every script are kept.
  static func slug(_ text: String) -> String {
    var out = ""
    var pendingHyphen = false
    for scalar in text.unicodeScalars {
      if LetterOrDigit.test(scalar) || scalar == "_" {
        if pendingHyphen && !out.isEmpty { out.append("-") }
        pendingHyphen = false
        if scalar.isASCII || LetterOrDigit.isCaselessLetter(scalar) {
          // ASCII lowercases to ASCII, kana and kanji have no case: no String per letter.
          out.unicodeScalars.append(("A"..."Z").contains(scalar) ? Unicode.Scalar(UInt8(scalar.value + 32)) : scalar)
        } else {
          out.unicodeScalars.append(contentsOf: String(scalar).lowercased().unicodeScalars)
        }
      } else if scalar == "-" || scalar.properties.isWhitespace || scalar == "\u{3000}" || scalar == "・" {
        pendingHyphen = true
      }
    }
    return out
  }
}
