import Diagnostics
import Schema
import Testing

@testable import Markdown

/// The shortcuts of the Markdown stage must answer exactly as the code they replaced.
@Suite struct FastTextTests {
  /// The former excerpt: the whole text flattened and cut.
  static func referenceExcerpt(_ text: String, language: Language, limit: Int = 120) -> String {
    let flat = text.split(whereSeparator: { $0 == "\n" }).joined(separator: language == .ja ? "" : " ")
    if language == .ja { return TextMetrics.cutJapanese(flat, limit: limit) }
    return TextMetrics.cutWords(flat, limit: max(12, limit / 4))
  }

  static func texts() -> [String] {
    texts(pieces: [
      "あいう", "。", "\n", "\n\n", "\r\n", "word", " ", ".", "e\u{301}", "\u{301}", "🇯🇵", "!", "漢字", "？", "\u{200D}",
    ])
      // Only scalars that are Characters of their own, as most prose: the scalar walk's texts.
      + texts(pieces: ["あいう", "。", "\n", "\n\n", "word", " ", ".", "！", "漢字", "？", "カナ", "、", "ｱ", "©"])
  }

  static func texts(pieces: [String]) -> [String] {
    var state: UInt64 = 42
    func next(_ bound: Int) -> Int {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int((state >> 33) % UInt64(bound))
    }
    return (0..<400).map { round in
      (0..<(round % 4 == 0 ? 3000 : next(400))).map { _ in pieces[next(pieces.count)] }.joined()
    }
  }

  @Test func excerptIsTheSameAsFromTheWholeText() {
    for text in Self.texts() {
      for language in [Language.ja, .en] {
        for limit in [8, 120] {
          #expect(
            TextMetrics.excerpt(text, language: language, limit: limit)
              == Self.referenceExcerpt(text, language: language, limit: limit))
        }
      }
    }
  }

  @Test func letterOrDigitAgreesWithUnicodeProperties() {
    let disagreeing = (UInt32(0)...0x3_FFFF).compactMap(Unicode.Scalar.init).filter { scalar in
      LetterOrDigit.test(scalar) != (scalar.properties.isAlphabetic || scalar.properties.numericType != nil)
    }
    #expect(disagreeing.isEmpty)
  }

  @Test func wideAndCaselessShortcutsAgreeWithTheFullAnswers() {
    let scalars = (UInt32(0)...0x3_FFFF).compactMap(Unicode.Scalar.init)
    #expect(scalars.filter { TextMetrics.isWide($0) != EastAsianWidth.isWide($0) }.isEmpty)
    let caseless = scalars.filter(LetterOrDigit.isCaselessLetter)
    #expect(caseless.count > 20_000)
    #expect(caseless.filter { String($0).lowercased() != String($0) || !LetterOrDigit.test($0) }.isEmpty)
  }

  @Test func sentenceEndsAreTheFiveMarks() {
    let characters: [Character] = ["。", "！", "？", "!", "?", ".", "。\u{301}", "!\u{20DD}", "a", "\u{FF0E}", "🇯🇵"]
    for character in characters {
      #expect(TextMetrics.isSentenceEnd(character) == "。！？!?".contains(character))
    }
  }

  @Test func attributesAreEscapedOnlyWhereNeeded() {
    func reference(_ text: String) -> String {
      var out = ""
      for character in text {
        switch character {
        case "&": out += "&amp;"
        case "\"": out += "&quot;"
        case "<": out += "&lt;"
        case ">": out += "&gt;"
        default: out.append(character)
        }
      }
      return out
    }
    for text in ["plain-anchor", "上市までの流れ", "a&b", "\"q\"", "<x>", "&\u{301}", "", "e\u{301}>"] {
      #expect(HeadingIDs.escapeAttribute(text) == reference(text))
    }
  }

  @Test func headingSlugsLowercaseEveryScript() {
    #expect(HeadingAnchors.slug("ISO 13485 and QMS") == "iso-13485-and-qms")
    #expect(HeadingAnchors.slug("Ärger_über ÖL") == "ärger_über-öl")
    #expect(HeadingAnchors.slug("上市までの流れ・概要") == "上市までの流れ-概要")
  }
}
