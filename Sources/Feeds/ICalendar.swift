/// The frame of every calendar file: the VCALENDAR properties and the Asia/Tokyo VTIMEZONE
/// that the events' DTSTART and DTEND refer to.
enum ICalendar {
  static let productID = "-//Saitama Medical Monozukuri Hub//Kirameki//JA"
  static let timeZoneID = "Asia/Tokyo"

  /// A complete calendar holding `events`, named `name` for calendar apps.
  /// `subscription` adds the refresh hints (RFC 7986) that a subscribed feed wants.
  static func calendar(name: String, events: [SeminarEvent], subscription: Bool) -> String {
    var writer = ICalWriter()
    writer.begin("VCALENDAR")
    writer.raw("VERSION", "2.0")
    writer.text("PRODID", productID)
    writer.raw("CALSCALE", "GREGORIAN")
    writer.raw("METHOD", "PUBLISH")
    writer.text("NAME", name)
    writer.text("X-WR-CALNAME", name)
    writer.raw("X-WR-TIMEZONE", timeZoneID)
    if subscription {
      writer.raw("REFRESH-INTERVAL", "PT12H", parameters: [("VALUE", "DURATION")])
      writer.raw("X-PUBLISHED-TTL", "PT12H")
    }
    writeTimeZone(into: &writer)
    for event in events {
      event.write(into: &writer)
    }
    writer.end("VCALENDAR")
    return writer.output
  }

  /// Japan has kept +09:00 without daylight saving since 1951, so one STANDARD rule from 1970
  /// describes every date the hub lists.
  static func writeTimeZone(into writer: inout ICalWriter) {
    writer.begin("VTIMEZONE")
    writer.raw("TZID", timeZoneID)
    writer.raw("X-LIC-LOCATION", timeZoneID)
    writer.begin("STANDARD")
    writer.raw("TZOFFSETFROM", "+0900")
    writer.raw("TZOFFSETTO", "+0900")
    writer.raw("TZNAME", "JST")
    writer.raw("DTSTART", "19700101T000000")
    writer.end("STANDARD")
    writer.end("VTIMEZONE")
  }
}
