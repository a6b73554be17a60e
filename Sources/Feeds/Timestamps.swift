import Schema

/// The date and time notations the feeds use. Entry dates are calendar days in Japan, so a
/// `date` of 2026-05-20 is the moment 2026-05-20T00:00:00+09:00.
enum Timestamps {
  /// RFC 3339 at midnight in Japan: `2026-05-20T00:00:00+09:00`.
  static func rfc3339(_ date: LocalDate) -> String {
    "\(date)T00:00:00+09:00"
  }

  /// iCalendar UTC date-time at midnight UTC: `20260520T000000Z` (for DTSTAMP).
  static func icalUTCMidnight(_ date: LocalDate) -> String {
    compact(date) + "T000000Z"
  }

  /// iCalendar local date-time in Japan, for `DTSTART;TZID=Asia/Tokyo:`: `20260708T130000`.
  static func icalTokyo(_ moment: DateTime) -> String {
    let local = moment.at(offsetSeconds: DateTime.jstOffset)
    return compact(local.date) + "T" + pad(local.hour, 2) + pad(local.minute, 2) + pad(local.second, 2)
  }

  /// `20260708`
  static func compact(_ date: LocalDate) -> String {
    pad(date.year, 4) + pad(date.month, 2) + pad(date.day, 2)
  }

  static func pad(_ value: Int, _ width: Int) -> String {
    let digits = String(value)
    return String(repeating: "0", count: max(0, width - digits.count)) + digits
  }
}
