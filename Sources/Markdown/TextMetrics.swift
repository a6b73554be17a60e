import Diagnostics
import Schema

/// Summaries and reading time that treat Japanese by characters and other languages by words.
public enum TextMetrics {
  /// Japanese readers take in about 500 characters a minute; English and German readers about
  /// 220 words.
  public static func readingMinutes(_ text: String) -> Int {
    var wideCharacters = 0
    var words = 0
    var inWord = false
    for scalar in text.unicodeScalars {
      if isWide(scalar) {
        wideCharacters += 1
        inWord = false
      } else if LetterOrDigit.test(scalar) {
        if !inWord { words += 1 }
        inWord = true
      } else {
        inWord = false
      }
    }
    let minutes = Double(wideCharacters) / 500 + Double(words) / 220
    return max(1, Int(minutes.rounded(.up)))
  }

  /// `EastAsianWidth.isWide`, with ASCII, Japanese punctuation, kana, kanji and full-width forms
  /// answered without the range search.
  static func isWide(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0...0x7F: false
    case 0x2E80...0x303E, 0x3041...0x4DBF, 0x4E00...0x9FFF, 0xFF00...0xFF60: true
    default: EastAsianWidth.isWide(scalar)
    }
  }

  /// The first sentences of `text`, up to `limit` characters for Japanese or `limit / 4` words
  /// for other languages, ending at a sentence end where one is in reach.
  ///
  /// Only the start of the text can matter, so the work is done on a prefix that ends after a
  /// "\n" (always the end of a Character), lengthened until it is long enough that the result is
  /// the same as for the whole text: its lines are lines of the whole, and all of its joined
  /// text but the last Character reads the same, so once that holds `limit + 1` more Characters
  /// (or words) than needed the cut falls in the same place.
  public static func excerpt(_ text: String, language: Language, limit: Int = 120) -> String {
    if language == .ja, let excerpt = scalarJapaneseExcerpt(text, limit: limit) { return excerpt }
    let words = max(12, limit / 4)
    var budget = limit * 4 + 64
    while budget < text.utf8.count {
      let prefix = text[..<lineEnd(in: text, after: budget)]
      if prefix.endIndex == text.endIndex { break }
      let flat = flatten(prefix, language: language)
      if language == .ja {
        let characters = Array(flat)
        if characters.count >= limit + 2 { return cutJapanese(characters, of: flat, limit: limit) }
      } else if flat.split(separator: " ", omittingEmptySubsequences: true).count >= words + 2 {
        return cutWords(flat, limit: words)
      }
      budget *= 4
    }
    let flat = flatten(text[...], language: language)
    return language == .ja ? cutJapanese(flat, limit: limit) : cutWords(flat, limit: words)
  }

  /// The lines of the text joined without breaks (Japanese) or with spaces.
  static func flatten(_ text: Substring, language: Language) -> String {
    text.split(whereSeparator: { $0 == "\n" }).joined(separator: language == .ja ? "" : " ")
  }

  /// The index just after the first "\n" byte at or after the `offset`th byte, or the end.
  static func lineEnd(in text: String, after offset: Int) -> String.Index {
    let bytes = text.utf8
    let start = bytes.index(bytes.startIndex, offsetBy: offset)
    guard let newline = bytes[start...].firstIndex(of: UInt8(ascii: "\n")) else { return text.endIndex }
    return bytes.index(after: newline)
  }

  /// One of 。！？!? (none of them has another canonically equivalent spelling, so comparing the
  /// single scalar is comparing the Character, without a string comparison per Character).
  static func isSentenceEnd(_ character: Character) -> Bool {
    let scalars = character.unicodeScalars
    guard scalars.count == 1, let scalar = scalars.first else { return false }
    return isSentenceEnd(scalar)
  }

  /// The Japanese excerpt of text whose scalars up to the cut are each a Character of their own,
  /// walked by scalar instead of by Character; nil when one is not, or at a "\r" ("\r\n" is one
  /// Character, which flattening keeps).
  static func scalarJapaneseExcerpt(_ text: String, limit: Int) -> String? {
    var scalars: [Unicode.Scalar] = []
    scalars.reserveCapacity(limit + 1)
    for scalar in text.unicodeScalars {
      guard scalar != "\r", SingleScalarCharacter.breaksAround(scalar) else { return nil }
      if scalar == "\n" { continue }
      scalars.append(scalar)
      if scalars.count > limit { break }
    }
    let (count, ellipsis) = japaneseCut(scalars, limit: limit, isSentenceEnd: isSentenceEnd)
    return String(String.UnicodeScalarView(scalars[0..<count])) + (ellipsis ? "…" : "")
  }

  /// Where a Japanese excerpt ends, in Characters (or scalars that are Characters): after the
  /// last sentence end among the first `limit` when it lies past a third of them, else after
  /// `limit` with "…"; all of them when there are no more than `limit`.
  static func japaneseCut<Unit>(_ units: [Unit], limit: Int, isSentenceEnd: (Unit) -> Bool) -> (
    count: Int, ellipsis: Bool
  ) {
    guard units.count > limit else { return (units.count, false) }
    if let end = units[0..<limit].lastIndex(where: isSentenceEnd), end >= limit / 3 { return (end + 1, false) }
    return (limit, true)
  }

  static func isSentenceEnd(_ scalar: Unicode.Scalar) -> Bool {
    scalar == "。" || scalar == "！" || scalar == "？" || scalar == "!" || scalar == "?"
  }

  static func cutJapanese(_ text: String, limit: Int) -> String {
    cutJapanese(Array(text), of: text, limit: limit)
  }

  /// `cutJapanese` for a text already split into its Characters.
  static func cutJapanese(_ characters: [Character], of text: String, limit: Int) -> String {
    guard characters.count > limit else { return text }
    let (count, ellipsis) = japaneseCut(characters, limit: limit, isSentenceEnd: isSentenceEnd)
    return String(characters[0..<count]) + (ellipsis ? "…" : "")
  }

  static func cutWords(_ text: String, limit: Int) -> String {
    let words = text.split(separator: " ", omittingEmptySubsequences: true)
    guard words.count > limit else { return text }
    let window = words[0..<limit]
    if let end = window.lastIndex(where: { $0.hasSuffix(".") || $0.hasSuffix("!") || $0.hasSuffix("?") }),
      end >= limit / 3
    {
      return window[0...end].joined(separator: " ")
    }
    return window.joined(separator: " ") + " …"
  }
}
