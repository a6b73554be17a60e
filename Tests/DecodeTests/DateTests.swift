import Schema
import Testing

@Suite struct DateTests {
  @Test func parsesAndPrintsDateTimesWithOffsets() throws {
    let moment = try #require(DateTime(iso: "2026-12-03T14:05:00+09:00"))
    #expect(moment.description == "2026-12-03T14:05:00+09:00")
    #expect(moment.at(offsetSeconds: 0).description == "2026-12-03T05:05:00Z")
    #expect(DateTime(iso: "2026-12-03T05:05:00Z") == moment.at(offsetSeconds: 0))
    #expect(DateTime(iso: "2026-12-03T14:05") == nil, "an offset is required")
  }

  @Test func weekdaysAndLeapYears() {
    #expect(LocalDate(year: 2026, month: 12, day: 3)?.weekday == 4)  // Thursday
    #expect(LocalDate(year: 2028, month: 2, day: 29) != nil)
    #expect(LocalDate(year: 2026, month: 2, day: 29) == nil)
    let date = LocalDate(year: 2026, month: 12, day: 31)
    #expect(date?.adding(days: 1).description == "2027-01-01")
  }

  /// The byte-level parsers read exactly what the `Character`-based ones they replaced read
  /// (kept here as the reference), on valid texts and on every one-character change of them.
  @Test func isoParsersMatchTheReferenceOnEverySmallChange() {
    let valid = [
      "2026-12-03", "2026-12-03T14:05:00+09:00", "2026-12-03T14:05+09:00", "2026-12-03T05:05:00Z",
      "2026-12-03 14:05:00-05:30", "2028-02-29T23:59:59+14:00", "2026-02-29T00:00Z", "2026-12-03T14:05:00",
    ]
    let replacements: [String] = ["0", "9", "+", "-", ":", "T", " ", "Z", "x", "é", "\r\n", "", "00", "１"]
    var texts = Set(valid)
    for text in valid {
      let characters = Array(text)
      for index in characters.indices {
        for replacement in replacements {
          var changed = characters
          changed.replaceSubrange(index...index, with: Array(replacement))
          texts.insert(String(changed))
        }
        var inserted = characters
        inserted.insert(contentsOf: Array("+"), at: index)
        texts.insert(String(inserted))
      }
    }
    var parsed = 0
    for text in texts.sorted() {
      #expect(LocalDate(iso: text) == Reference.date(text), "\(text)")
      #expect(DateTime(iso: text) == Reference.dateTime(text), "\(text)")
      if DateTime(iso: text) != nil || LocalDate(iso: text) != nil { parsed += 1 }
    }
    #expect(parsed > 40, "the changes keep enough texts valid to compare what they parse to")
    #expect(LocalDate(iso: "+026-01-01")?.year == 26, "Int's optional sign, as before")
  }

  /// `LocalDate(iso:)` and `DateTime(iso:)` as they were written over `Character`s.
  enum Reference {
    static func date(_ text: String) -> LocalDate? {
      let parts = text.split(separator: "-", omittingEmptySubsequences: false)
      guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
        parts.allSatisfy({ $0.allSatisfy(\.isASCII) }),
        let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2])
      else { return nil }
      return LocalDate(year: y, month: m, day: d)
    }

    static func dateTime(_ text: String) -> DateTime? {
      guard text.count >= 17, text.allSatisfy(\.isASCII) else { return nil }
      let chars = Array(text)
      guard let date = date(String(chars[0..<10])), chars[10] == "T" || chars[10] == " " else { return nil }
      var rest = Array(chars[11...])
      var offset: Int
      if rest.last == "Z" {
        offset = 0
        rest.removeLast()
      } else {
        guard rest.count >= 6 else { return nil }
        let tail = rest.suffix(6)
        let sign = tail.first
        guard sign == "+" || sign == "-", tail[tail.startIndex + 3] == ":",
          let oh = Int(String(tail.dropFirst().prefix(2))), let om = Int(String(tail.suffix(2))),
          oh <= 14, om < 60
        else { return nil }
        offset = (oh * 3600 + om * 60) * (sign == "-" ? -1 : 1)
        rest.removeLast(6)
      }
      let time = rest.split(separator: ":", omittingEmptySubsequences: false).map { String($0) }
      guard time.count == 2 || time.count == 3, time.allSatisfy({ $0.count == 2 }),
        let h = Int(time[0]), let m = Int(time[1]), h < 24, m < 60
      else { return nil }
      let s = time.count == 3 ? Int(time[2]) : 0
      guard let s, s < 60 else { return nil }
      return DateTime(date: date, hour: h, minute: m, second: s, offsetSeconds: offset)
    }
  }
}
