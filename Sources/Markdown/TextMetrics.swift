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
      if EastAsianWidth.isWide(scalar) {
        wideCharacters += 1
        inWord = false
      } else if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
        if !inWord { words += 1 }
        inWord = true
      } else {
        inWord = false
      }
    }
    let minutes = Double(wideCharacters) / 500 + Double(words) / 220
    return max(1, Int(minutes.rounded(.up)))
  }

  /// The first sentences of `text`, up to `limit` characters for Japanese or `limit / 4` words
  /// for other languages, ending at a sentence end where one is in reach.
  public static func excerpt(_ text: String, language: Language, limit: Int = 120) -> String {
    let flat = text.split(whereSeparator: { $0 == "\n" }).joined(separator: language == .ja ? "" : " ")
    if language == .ja {
      return cutJapanese(flat, limit: limit)
    }
    return cutWords(flat, limit: max(12, limit / 4))
  }

  static func cutJapanese(_ text: String, limit: Int) -> String {
    let characters = Array(text)
    guard characters.count > limit else { return text }
    let window = characters[0..<limit]
    if let end = window.lastIndex(where: { "。！？!?".contains($0) }), end >= limit / 3 {
      return String(characters[0...end])
    }
    return String(window) + "…"
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
