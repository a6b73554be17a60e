import Schema
import Testing

@testable import Markdown

@Suite struct TextMetricsTests {
  @Test func japaneseExcerptEndsAtASentence() {
    let text = String(repeating: "あ", count: 50) + "。" + String(repeating: "い", count: 100) + "。"
    let excerpt = TextMetrics.excerpt(text, language: .ja, limit: 120)
    #expect(excerpt == String(repeating: "あ", count: 50) + "。")
  }

  @Test func japaneseExcerptWithoutSentenceEndIsCutByCharacters() {
    let text = String(repeating: "う", count: 200)
    #expect(TextMetrics.excerpt(text, language: .ja, limit: 120) == String(repeating: "う", count: 120) + "…")
  }

  @Test func englishExcerptIsCutByWords() {
    let text = (1...60).map { "word\($0)" }.joined(separator: " ") + "."
    let excerpt = TextMetrics.excerpt(text, language: .en, limit: 120)
    #expect(excerpt.split(separator: " ").count == 31)
    #expect(excerpt.hasSuffix(" …"))
  }

  @Test func readingTimeCountsJapaneseCharactersAndWords() {
    #expect(TextMetrics.readingMinutes(String(repeating: "字", count: 1500)) == 3)
    #expect(TextMetrics.readingMinutes(Array(repeating: "word", count: 440).joined(separator: " ")) == 2)
    #expect(TextMetrics.readingMinutes("短い") == 1)
  }
}
