import Schema
import Testing

@testable import Intake

@Suite struct NormaliseTests {
  @Test(arguments: [
    ("2026-12-03", "2026-12-03"), ("2026/12/3", "2026-12-03"), ("２０２６／１２／３", "2026-12-03"),
    ("2026.12.3", "2026-12-03"), ("2026年12月3日", "2026-12-03"), ("2026年12月3日（木）", "2026-12-03"),
    ("令和8年12月3日", "2026-12-03"), ("令和元年5月1日", "2019-05-01"), ("平成31年4月30日", "2019-04-30"),
    (" 令和８年１２月３日 ", "2026-12-03"),
  ])
  func datesAsPeopleWriteThem(raw: String, expected: String) {
    #expect(DateParsing.date(raw)?.description == expected)
  }

  @Test(arguments: ["2026/13/1", "2026/2/30", "令和8年", "26/12/3", "12/3/2026", "2026-12-03 10:00", "明日"])
  func impossibleDatesAreNotGuessed(raw: String) {
    #expect(DateParsing.date(raw) == nil)
  }

  @Test(arguments: [
    ("2026/12/3 14:00", "2026-12-03T14:00:00+09:00"), ("2026/11/24 9:15:30", "2026-11-24T09:15:30+09:00"),
    ("2026年12月3日 14時30分", "2026-12-03T14:30:00+09:00"), ("令和8年12月3日 14時", "2026-12-03T14:00:00+09:00"),
    ("2026-12-03T14:00:00+01:00", "2026-12-03T14:00:00+01:00"), ("2026-12-03 05:00Z", "2026-12-03T05:00:00Z"),
    ("2026/12/3 14:00 JST", "2026-12-03T14:00:00+09:00"),
  ])
  func dateTimesGetJapanTimeWhenTheyHaveNoOffset(raw: String, expected: String) {
    #expect(DateParsing.dateTime(raw)?.description == expected)
  }

  @Test func enumValuesMatchFromValuesAndLabelsInEveryLanguage() {
    let vocabulary = Vocabularies.confidentiality
    for text in ["public", "公開", "Public", "Öffentlich", " ＰＵＢＬＩＣ ", "summary only"] {
      let expected = text.contains("ummary") ? "summary_only" : "public"
      #expect(EnumMatching.value(text, in: vocabulary) == expected, "\(text)")
    }
    #expect(EnumMatching.value("秘密", in: vocabulary) == nil)
  }

  @Test func aCellWithSeveralAnswersSplitsOnEverySeparatorButKeepsLabelsWhole() {
    let focus = FieldKind.list(.enumeration(Vocabularies.focusAreas))
    let value = ValueNormaliser.normalise(
      ["Laser and photonics in medicine, Perinatal, pediatric and preventive medicine"], kind: focus)
    #expect(value == .list([.plain("laser_photonics"), .plain("perinatal_pediatric_preventive")]))
    let japanese = ValueNormaliser.normalise(["周産期・小児医療、予防医療；低侵襲・低リスク技術（超精密加工・高度部材）"], kind: focus)
    #expect(japanese == .list([.plain("perinatal_pediatric_preventive"), .plain("minimally_invasive")]))
    let tech = ValueNormaliser.normalise(
      ["光学、センサー", "Imaging;\nsoftware_ai", "光学"], kind: .list(.enumeration(Vocabularies.techAreas)))
    #expect(
      tech == .list([.plain("optics"), .plain("sensors"), .plain("imaging"), .plain("software_ai"), .plain("optics")]))
  }

  @Test func unknownAnswersPassThroughForTheDecoderToReject() {
    let value = ValueNormaliser.normalise(["光学、魔法"], kind: .list(.enumeration(Vocabularies.techAreas)))
    #expect(value == .list([.plain("optics"), .text("魔法")]))
  }

  @Test func freeTextListsSplitOnlyOnLinesAndSemicolons() {
    let value = ValueNormaliser.normalise(["山田 教授（埼玉大学、工学部）\r\n佐藤 博士; Dr. Müller, TUM"], kind: .list(.string))
    #expect(value == .list([.text("山田 教授（埼玉大学、工学部）"), .text("佐藤 博士"), .text("Dr. Müller, TUM")]))
  }

  @Test func numbersBooleansAndWidth() {
    #expect(ValueNormaliser.scalar("１２０名", kind: .int) == .plain("120"))
    #expect(ValueNormaliser.scalar("1,200", kind: .int) == .plain("1200"))
    #expect(ValueNormaliser.scalar("たくさん", kind: .int) == .text("たくさん"))
    for (raw, flag) in [("はい", "true"), ("いいえ", "false"), ("Yes", "true"), ("no", "false"), ("TRUE", "true")] {
      #expect(ValueNormaliser.scalar(raw, kind: .bool) == .plain(flag), "\(raw)")
    }
    #expect(ValueNormaliser.scalar("  内視鏡の　ＬＥＤ\n光源！ ", kind: .string) == .text("内視鏡の LED 光源！"))
    #expect(ValueNormaliser.scalar("ｈｔｔｐｓ：／／ｅｘａｍｐｌｅ．ｊｐ", kind: .url) == .text("https://example.jp"))
    #expect(ValueNormaliser.normalise(["  ", ""], kind: .string) == nil)
  }
}
