import Diagnostics
import Load
import Schema
import Testing

@testable import Decode

func source(_ path: String, _ text: String) throws -> Source {
  try SourceParser.parse(path: path, text: text).get()
}

func decodeMessages(_ path: String, _ text: String) throws -> (Entry?, String) {
  let (entry, diagnostics) = EntryDecoder.decode(try source(path, text))
  return (entry, DiagnosticFormatter.format(diagnostics))
}

@Suite struct EntryDecoderTests {
  let seminar = """
    ---
    title: 医療ものづくり道場
    date: 2026-11-01
    start: 2026-12-03T14:00:00+09:00
    end: 2026-12-03T17:00:00+09:00
    attendance: mixed
    organizer: さいたま市
    venue: 大宮
    capacity: 40
    tech_areas: [laser_photonics, optics]
    languages: ja
    ---
    本文
    """

  @Test func decodesTypedFields() throws {
    let (entry, diagnostics) = EntryDecoder.decode(try source("content/seminars/dojo-1.ja.md", seminar))
    #expect(diagnostics.isEmpty)
    let decoded = try #require(entry)
    #expect(decoded.title == "医療ものづくり道場")
    #expect(decoded.date == LocalDate(year: 2026, month: 11, day: 1))
    #expect(decoded.datetime("start")?.hour == 14)
    #expect(decoded.int("capacity") == 40)
    #expect(decoded.strings("tech_areas") == ["laser_photonics", "optics"])
    #expect(decoded.strings("languages") == ["ja"], "a single value where a list is expected is a list of one")
    #expect(decoded.body == "本文")
    #expect(decoded.type == ContentTypes.seminar)
  }

  @Test func enumTypoSuggestsTheClosestValue() throws {
    let text = seminar.replacingOccurrences(of: "attendance: mixed", with: "attendance: onlin")
    let (entry, output) = try decodeMessages("content/seminars/dojo-1.ja.md", text)
    #expect(entry == nil)
    #expect(
      output == """
        content/seminars/dojo-1.ja.md:6:13: error: 'onlin' is not an allowed value of 'attendance'
            attendance: onlin
                        ^
          hint: did you mean 'online'? allowed values: offline, online, mixed
        """)
  }

  @Test func unknownFieldIsAWarningWithDidYouMean() throws {
    let text = seminar.replacingOccurrences(of: "venue: 大宮", with: "venu: 大宮")
    let (entry, output) = try decodeMessages("content/seminars/dojo-1.ja.md", text)
    #expect(entry != nil, "a warning does not stop the entry")
    #expect(
      output == """
        content/seminars/dojo-1.ja.md:6:13: warning: an in-person seminar has no 'venue'
            attendance: mixed
                        ^
          hint: add 'venue: …' so visitors know where to go
        content/seminars/dojo-1.ja.md:8:1: warning: unknown field 'venu' is ignored
            venu: 大宮
            ^
          hint: did you mean 'venue'?
        """)
  }

  @Test func missingRequiredFieldPointsAtTheFrontMatter() throws {
    let text = seminar.replacingOccurrences(of: "organizer: さいたま市\n", with: "")
    let (_, output) = try decodeMessages("content/seminars/dojo-1.ja.md", text)
    #expect(
      output == """
        content/seminars/dojo-1.ja.md:1: error: missing required field 'organizer'
            ---
          hint: add 'organizer: …' (a text)
        """)
  }

  @Test func endBeforeStartIsAnError() throws {
    let text = seminar.replacingOccurrences(
      of: "end: 2026-12-03T17:00:00+09:00", with: "end: 2026-12-03T13:00:00+09:00")
    let (_, output) = try decodeMessages("content/seminars/dojo-1.ja.md", text)
    #expect(
      output.hasPrefix(
        "content/seminars/dojo-1.ja.md:5:6: error: the seminar ends (2026-12-03T13:00:00+09:00) before it starts"))
  }

  @Test(arguments: [
    ("date: 2026-13-01", "content/seminars/dojo-1.ja.md:3:7: error: 'date' is not a valid date: '2026-13-01'"),
    ("date: 2026/12/01", "content/seminars/dojo-1.ja.md:3:7: error: 'date' is not a valid date: '2026/12/01'"),
    ("capacity: 四十", "content/seminars/dojo-1.ja.md:9:11: error: 'capacity' must be a whole number, not '四十'"),
  ])
  func badScalarsNameFieldAndValue(line: String, expected: String) throws {
    let field = String(line.prefix { $0 != ":" })
    let original = seminar.split(separator: "\n").first { $0.hasPrefix(field + ":") }.map(String.init) ?? ""
    let (_, output) = try decodeMessages(
      "content/seminars/dojo-1.ja.md", seminar.replacingOccurrences(of: original, with: line))
    #expect(output.hasPrefix(expected))
  }

  @Test func startWithoutOffsetIsRejected() throws {
    let text = seminar.replacingOccurrences(of: "start: 2026-12-03T14:00:00+09:00", with: "start: 2026-12-03T14:00:00")
    let (_, output) = try decodeMessages("content/seminars/dojo-1.ja.md", text)
    #expect(output.contains("error: 'start' is not a valid date and time with offset: '2026-12-03T14:00:00'"))
  }

  @Test func reportsEveryProblemAtOnce() throws {
    let text = """
      ---
      title:
      date: yesterday
      start: 2026-12-03T14:00:00+09:00
      end: 2026-12-03T17:00:00+09:00
      attendance: hybrid
      organizer: x
      venue: y
      ---
      """
    let (_, diagnostics) = EntryDecoder.decode(try source("content/seminars/a.md", text))
    #expect(diagnostics.filter { $0.severity == .error }.map(\.field) == ["title", "date", "attendance"])
  }

  @Test func brokenYAMLIsReportedAtItsLineInTheFile() throws {
    let text = "---\ntitle: a\ndate: 2026-01-01\ncategory: [exchange\n---\n"
    let (_, output) = try decodeMessages("content/news/a.md", text)
    #expect(output.hasPrefix("content/news/a.md:5:1: error: invalid YAML:"), "\(output)")
  }

  @Test func duplicateFieldIsReported() throws {
    let text = "---\ntitle: a\ntitle: b\ndate: 2026-01-01\ncategory: exchange\n---\n"
    let (_, output) = try decodeMessages("content/news/a.md", text)
    #expect(output.contains("error: the field 'title' is given twice"))
  }

  @Test func guideSourcesAreCheckedItemByItem() throws {
    let text = """
      ---
      title: g
      date: 2026-01-01
      jurisdiction: jp
      last_reviewed: 2026-01-01
      sources:
        - title: 薬機法
          url: laws.e-gov.go.jp
        - url: https://example.org/
      ---
      """
    let (_, diagnostics) = EntryDecoder.decode(try source("content/guides/g.md", text))
    #expect(
      diagnostics.map(\.message) == [
        "'sources.url' is not an absolute http(s) URL: 'laws.e-gov.go.jp'", "'sources' item is missing 'title'",
      ])
    #expect(diagnostics.map(\.location.line) == [8, 9])
  }
}

extension String {
  func replacingOccurrences(of target: String, with replacement: String) -> String {
    split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
  }
}
