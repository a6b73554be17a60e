import Assemble
import Decode
import Foundation
import Markdown
import Schema
import Testing

@Suite struct CalendarTests {
  typealias F = Fixture

  /// The one VEVENT of a seminar's own `event.ics`.
  func event(_ seminar: (Entry, Document)) -> [String] {
    let files = F.files(F.site([seminar]))
    return files["seminars/\(seminar.0.id)/event.ics"]?.icalEvents.first ?? []
  }

  @Test func everyEventFileHasTheCalendarFrameAndTokyoTimeZone() throws {
    let files = F.files(
      F.site([F.seminar("dojo", start: "2026-12-03T14:00:00+09:00", end: "2026-12-03T16:30:00+09:00")]))
    let text = try #require(files["seminars/dojo/event.ics"])
    let lines = text.icalLines
    #expect(Array(lines.prefix(2)) == ["BEGIN:VCALENDAR", "VERSION:2.0"])
    #expect(lines.contains("CALSCALE:GREGORIAN"))
    #expect(lines.property("PRODID") == "-//Saitama Medical Monozukuri Hub//Kirameki//JA")
    #expect(lines.property("X-WR-CALNAME") == "さいたま医療ものづくりハブ セミナー・イベント")
    #expect(lines.last == "END:VCALENDAR")
    let timeZone = """
      BEGIN:VTIMEZONE\r
      TZID:Asia/Tokyo\r
      X-LIC-LOCATION:Asia/Tokyo\r
      BEGIN:STANDARD\r
      TZOFFSETFROM:+0900\r
      TZOFFSETTO:+0900\r
      TZNAME:JST\r
      DTSTART:19700101T000000\r
      END:STANDARD\r
      END:VTIMEZONE\r

      """
    #expect(text.contains(timeZone))
    #expect(!text.replacingOccurrences(of: "\r\n", with: "").contains { $0 == "\n" || $0 == "\r" }, "CRLF only")
    #expect(text.hasSuffix("END:VCALENDAR\r\n"))
  }

  @Test func startAndEndAreLocalTimesInTokyo() {
    // Written in UTC: 05:00Z is 14:00 in Japan; the end crosses midnight UTC → JST.
    let lines = event(F.seminar("utc", start: "2026-12-03T05:00:00Z", end: "2026-12-03T15:30:00Z"))
    #expect(lines.contains("DTSTART;TZID=Asia/Tokyo:20261203T140000"))
    #expect(lines.contains("DTEND;TZID=Asia/Tokyo:20261204T003000"))
  }

  @Test func uidStampSummaryAndURLAreStable() {
    let seminar = F.seminar(
      "dojo-laser", title: "レーザー安全, 入門; 第1回", start: "2026-12-03T14:00:00+09:00",
      end: "2026-12-03T16:00:00+09:00", date: "2026-09-01",
      extra: ["updated": .date(F.day("2026-10-15")), "summary": .string("安全管理の基礎を学びます。")])
    let lines = event(seminar)
    #expect(lines.property("UID") == "dojo-laser@hub.example.org")
    #expect(lines.property("DTSTAMP") == "20261015T000000Z", "from updated, never the clock")
    #expect(lines.property("SUMMARY") == #"レーザー安全\, 入門\; 第1回"#)
    #expect(lines.contains("URL;VALUE=URI:https://hub.example.org/seminars/dojo-laser/"))
    #expect(
      lines.property("DESCRIPTION")
        == #"安全管理の基礎を学びます。\n\n主催: さいたま市\n\nhttps://hub.example.org/seminars/dojo-laser/"#)
    #expect(lines.property("STATUS") == "CONFIRMED")
    let again = event(seminar)
    #expect(again == lines)
  }

  @Test func venueAndAddressMakeTheLocation() {
    let lines = event(
      F.seminar(
        "venue", start: "2026-12-03T14:00:00+09:00", end: "2026-12-03T16:00:00+09:00",
        extra: ["venue": .string("大宮ソニックシティ"), "address": .string("さいたま市大宮区桜木町1-7-5")]))
    #expect(lines.property("LOCATION") == #"大宮ソニックシティ\, さいたま市大宮区桜木町1-7-5"#)
    #expect(lines.property("CONFERENCE") == nil)
  }

  @Test func statusFollowsTheSeminar() {
    func status(_ value: String) -> String? {
      event(
        F.seminar(
          "s-\(value)", start: "2026-12-03T14:00:00+09:00", end: "2026-12-03T16:00:00+09:00",
          extra: ["status": .string(value)])
      ).property("STATUS")
    }
    #expect(status("cancelled") == "CANCELLED")
    #expect(status("postponed") == "TENTATIVE")
    #expect(status("rescheduled") == "CONFIRMED")
    #expect(status("moved_online") == "CONFIRMED")
  }

  @Test func aCancelledSeminarSaysSoInItsDescription() {
    let lines = event(
      F.seminar(
        "off", start: "2026-12-03T14:00:00+09:00", end: "2026-12-03T16:00:00+09:00",
        extra: ["status": .string("cancelled")]))
    #expect(lines.contains("STATUS:CANCELLED"))
    #expect(lines.property("DESCRIPTION")?.contains("開催状況: 中止") == true)
  }

  @Test func onlineSeminarsGiveTheirLinkAsLocationAndConference() {
    let url = "https://meet.example.org/j/123?pwd=a,b"
    let online = event(
      F.seminar(
        "web", start: "2026-12-03T14:00:00+09:00", end: "2026-12-03T16:00:00+09:00", attendance: "online",
        extra: ["online_url": .string(url)]))
    #expect(online.property("LOCATION") == #"https://meet.example.org/j/123?pwd=a\,b"#)
    #expect(online.contains("CONFERENCE;VALUE=URI;FEATURE=VIDEO:\(url)"), "a URI value is not TEXT-escaped")
    #expect(online.property("DESCRIPTION")?.contains(#"オンライン参加URL: https://meet.example.org/j/123?pwd=a\,b"#) == true)

    let mixed = event(
      F.seminar(
        "both", start: "2026-12-03T14:00:00+09:00", end: "2026-12-03T16:00:00+09:00", attendance: "mixed",
        extra: ["online_url": .string(url), "venue": .string("会場A")]))
    #expect(mixed.property("LOCATION") == "会場A")
    #expect(mixed.contains("CONFERENCE;VALUE=URI;FEATURE=VIDEO:\(url)"))

    let offline = event(
      F.seminar(
        "hall", start: "2026-12-03T14:00:00+09:00", end: "2026-12-03T16:00:00+09:00",
        extra: ["online_url": .string(url)]))
    #expect(offline.property("CONFERENCE") == nil, "an in-person seminar publishes no meeting link")
  }

  @Test func theFeedHoldsOnlySeminarsNotYetOver() throws {
    let site = F.site([
      F.seminar("past", start: "2026-11-01T14:00:00+09:00", end: "2026-11-01T16:00:00+09:00"),
      F.seminar("ongoing", start: "2026-11-25T10:00:00+09:00", end: "2026-11-25T18:00:00+09:00"),
      F.seminar("later", start: "2027-02-01T14:00:00+09:00", end: "2027-02-01T16:00:00+09:00"),
      F.seminar(
        "soon", start: "2026-12-01T14:00:00+09:00", end: "2026-12-01T16:00:00+09:00",
        extra: ["status": .string("cancelled")]),
    ])
    let files = F.files(site)
    let feed = try #require(files["seminars/calendar.ics"])
    #expect(feed.icalLines.contains("METHOD:PUBLISH"))
    #expect(feed.icalLines.contains("X-WR-CALNAME:さいたま医療ものづくりハブ セミナー・イベント"))
    let uids = feed.icalEvents.compactMap { $0.property("UID") }
    #expect(uids == ["ongoing@hub.example.org", "soon@hub.example.org", "later@hub.example.org"])
    #expect(feed.icalEvents[1].contains("STATUS:CANCELLED"), "subscribers learn of a cancellation")
    #expect(files["seminars/past/event.ics"] != nil, "a past seminar keeps its own file")

    var later = site
    later.now = F.moment("2026-12-01T16:00:00+09:00")
    let remaining = F.files(later)["seminars/calendar.ics"]?.icalEvents.compactMap { $0.property("UID") }
    #expect(remaining == ["later@hub.example.org"], "relative to the site's now")
  }

  @Test func onlyJapanesePagesGetAnEventFile() {
    let site = F.site([
      F.seminar("both", .ja, start: "2026-12-03T14:00:00+09:00", end: "2026-12-03T16:00:00+09:00"),
      F.seminar("both", .en, start: "2026-12-03T14:00:00+09:00", end: "2026-12-03T16:00:00+09:00"),
      F.seminar("english", .en, start: "2026-12-04T14:00:00+09:00", end: "2026-12-04T16:00:00+09:00"),
    ])
    let files = F.files(site)
    #expect(
      files.keys.filter { $0.hasSuffix(".ics") }.sorted() == ["seminars/both/event.ics", "seminars/calendar.ics"])
    let feed = files["seminars/calendar.ics"]?.icalEvents ?? []
    #expect(feed.compactMap { $0.property("UID") } == ["both@hub.example.org", "english@hub.example.org"])
    #expect(feed.last?.contains("URL;VALUE=URI:https://hub.example.org/en/seminars/english/") == true)
  }

  @Test func aLongJapaneseSummaryIsFoldedInTheFile() throws {
    let title = String(repeating: "医療ものづくり道場・超短パルスレーザー微細加工", count: 4)
    let files = F.files(
      F.site([F.seminar("long", title: title, start: "2026-12-03T14:00:00+09:00", end: "2026-12-03T16:00:00+09:00")]))
    let text = try #require(files["seminars/long/event.ics"])
    for line in text.components(separatedBy: "\r\n") {
      #expect(line.utf8.count <= 75)
    }
    #expect(text.icalEvents.first?.property("SUMMARY") == title)
  }
}
