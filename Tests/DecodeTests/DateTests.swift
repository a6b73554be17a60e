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
}
