import Schema
import Testing

@testable import Render

struct UIStringsFillTests {
  @Test func placeholdersAreReplacedAndOtherBracesKept() {
    let label = Labels(ja: "{name}「{term}」の記事（{n}件）{unknown} {open", en: "{term} in {name}, {n} {", de: "ohne")
    let values = ["name": "タグ", "term": "内視鏡", "n": "12"]
    #expect(UIStrings.fill(label, .ja, values) == "タグ「内視鏡」の記事（12件）{unknown} {open")
    #expect(UIStrings.fill(label, .en, values) == "内視鏡 in タグ, 12 {")
    #expect(UIStrings.fill(label, .de, values) == "ohne")
  }

  @Test func valuesAreNotFilledAgain() {
    let label = Labels(ja: "{a}{b}", en: "{a}")
    #expect(UIStrings.fill(label, .ja, ["a": "{b}", "b": "x"]) == "{b}x")
  }

  @Test func everyLabelWithPlaceholdersFillsAsBefore() {
    for label in [UIStrings.page, UIStrings.count, UIStrings.entriesFor, UIStrings.readingTime] {
      for language in Language.allCases {
        let values = ["n": "3", "name": "分野", "term": "レーザー"]
        #expect(UIStrings.fill(label, language, values) == Self.characterWise(label[language], values))
      }
    }
  }

  /// The former, Character-wise fill.
  static func characterWise(_ text: String, _ values: [String: String]) -> String {
    var filled = ""
    var rest = Substring(text)
    while let open = rest.firstIndex(of: "{") {
      filled += rest[..<open]
      guard let close = rest[open...].firstIndex(of: "}"),
        let value = values[String(rest[rest.index(after: open)..<close])]
      else {
        filled.append("{")
        rest = rest[rest.index(after: open)...]
        continue
      }
      filled += value
      rest = rest[rest.index(after: close)...]
    }
    return filled + rest
  }
}
