import Foundation
import Testing

@testable import Feeds

@Suite struct ICalTextTests {
  /// Each physical line of folded text, as bytes; every one must be valid UTF-8 on its own.
  func physicalLines(_ folded: String) -> [[UInt8]] {
    var lines: [[UInt8]] = [[]]
    let bytes = Array(folded.utf8)
    var index = 0
    while index < bytes.count {
      if bytes[index] == 0x0D, index + 1 < bytes.count, bytes[index + 1] == 0x0A {
        lines.append([])
        index += 2
      } else {
        lines[lines.count - 1].append(bytes[index])
        index += 1
      }
    }
    return lines
  }

  func expectWellFolded(_ line: String, sourceLocation: SourceLocation = #_sourceLocation) {
    let folded = ICalText.fold(line)
    let lines = physicalLines(folded)
    for (number, bytes) in lines.enumerated() {
      #expect(bytes.count <= 75, "line \(number) has \(bytes.count) octets", sourceLocation: sourceLocation)
      #expect(
        String(validating: bytes, as: UTF8.self) != nil, "line \(number) is not valid UTF-8 on its own",
        sourceLocation: sourceLocation)
      if number > 0 { #expect(bytes.first == 0x20, "continuation lines start with a space") }
    }
    #expect(ICalText.unfold(folded) == line, "unfolding gives the original back", sourceLocation: sourceLocation)
  }

  @Test func shortLinesAreLeftAlone() {
    #expect(ICalText.fold("SUMMARY:short") == "SUMMARY:short")
    let exactly75 = String(repeating: "a", count: 75)
    #expect(ICalText.fold(exactly75) == exactly75)
  }

  @Test func asciiLinesFoldAt75Octets() {
    let line = "DESCRIPTION:" + String(repeating: "0123456789", count: 20)
    let folded = ICalText.fold(line)
    let lines = folded.components(separatedBy: "\r\n")
    #expect(lines[0].utf8.count == 75)
    #expect(lines.dropFirst().allSatisfy { $0.hasPrefix(" ") && $0.utf8.count <= 75 })
    #expect(lines.dropLast().dropFirst().allSatisfy { $0.utf8.count == 75 }, "lines are filled")
    expectWellFolded(line)
    expectWellFolded(String(repeating: "a", count: 76))
  }

  @Test func aLongJapaneseSummaryFoldsBetweenCharacters() {
    let title = "医療ものづくり道場：超短パルスレーザーによる微細加工と低侵襲医療機器への応用、さいたま市産業創造財団との共催セミナー"
    let line = "SUMMARY:" + ICalText.escape(title)
    #expect(line.utf8.count > 150)
    expectWellFolded(line)
    // 8 ASCII octets then 3-octet characters: the first line stops at 74, not 75, rather than
    // cutting a character.
    #expect(physicalLines(ICalText.fold(line))[0].count == 74)
  }

  @Test func clustersLongerThanALineSplitBetweenScalars() {
    let accents = "e" + String(repeating: "\u{0301}", count: 40)  // one Character of 81 octets
    expectWellFolded("SUMMARY:" + accents + "👩‍👩‍👧‍👦" + String(repeating: "表", count: 30))
  }

  @Test func foldingByScalarIsFoldingByCluster() {
    let lines = [
      "DESCRIPTION:" + String(repeating: "医療機器の製造販売業許可、QMS省令（ISO 13485）への対応。", count: 6),
      "SUMMARY:" + String(repeating: "a", count: 74) + "表" + String(repeating: "b", count: 80),
      "LOCATION:Nürnberg — Медицина 한국 " + String(repeating: "ｱｲｳ©", count: 40),
      // Not for the scalar walk: a mark, and "\r\n" (one Character).
      "e\u{301}" + String(repeating: "x", count: 80), "a\r\n" + String(repeating: "b", count: 80),
    ]
    for line in lines {
      let byCluster = ICalText.folded(
        line, pieceLengths: ICalText.pieces(of: line, longest: 74).map(\.utf8.count))
      #expect(ICalText.fold(line) == byCluster)
      // A raw "\r\n" (never in a content line: TEXT escapes it) would read as a fold here.
      if !line.utf8.contains(0x0D) { expectWellFolded(line) }
    }
  }

  @Test func piecesAreTheCharactersOfLinesThatFitTheirPieces() {
    let lines = [
      "SUMMARY:医療ものづくり、さいたま（2027年）©", "a\r\nb", "e\u{301}x", "DESCRIPTION:" + String(repeating: "表", count: 40),
      "LOCATION:Nürnberg — Медицина 한국",
    ]
    for line in lines {
      #expect(ICalText.pieces(of: line, longest: 74) == line.map { String($0) })
    }
  }

  @Test func textValuesAreEscaped() {
    #expect(ICalText.escape(#"a\b;c,d"#) == #"a\\b\;c\,d"#)
    #expect(ICalText.escape("one\ntwo\r\nthree\rfour") == #"one\ntwo\nthree\nfour"#)
    #expect(ICalText.escape("time: 14:00\u{07}\t") == "time: 14:00\t", "colons stay, controls go")
    #expect(ICalText.escape("会場：大宮、さいたま") == "会場：大宮、さいたま")
  }

  @Test func parameterValuesAreQuotedWhenNeeded() {
    #expect(ICalText.parameterValue("Asia/Tokyo") == "Asia/Tokyo")
    #expect(ICalText.parameterValue("Room 1, 2F") == "\"Room 1, 2F\"")
    #expect(ICalText.parameterValue("say \"hi\": now") == "\"say hi: now\"")
  }

  @Test func theWriterEndsEveryLineWithCRLF() {
    var writer = ICalWriter()
    writer.begin("VCALENDAR")
    writer.text("X-NOTE", "line one\nline two; part, b")
    writer.end("VCALENDAR")
    #expect(writer.output == "BEGIN:VCALENDAR\r\nX-NOTE:line one\\nline two\\; part\\, b\r\nEND:VCALENDAR\r\n")
  }
}
