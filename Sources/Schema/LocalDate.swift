/// A calendar date without a time zone, as written in front matter (`2026-12-03`).
public struct LocalDate: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
  public var year: Int
  public var month: Int
  public var day: Int

  public init?(year: Int, month: Int, day: Int) {
    guard (1...12).contains(month), day >= 1, day <= LocalDate.daysIn(month: month, year: year) else {
      return nil
    }
    self.year = year
    self.month = month
    self.day = day
  }

  /// Parses exactly `YYYY-MM-DD`.
  public init?(iso text: String) {
    var text = text
    guard let date = text.withUTF8({ ISOText.date($0[...]) }) else { return nil }
    self = date
  }

  public var description: String {
    "\(Self.pad(year, 4))-\(Self.pad(month, 2))-\(Self.pad(day, 2))"
  }

  public static func < (lhs: LocalDate, rhs: LocalDate) -> Bool {
    (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
  }

  /// Days since 1970-01-01 (proleptic Gregorian), for date arithmetic without Foundation.
  public var daysSinceEpoch: Int {
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yoe = y - era * 400
    let mp = (month + 9) % 12
    let doy = (153 * mp + 2) / 5 + day - 1
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
    return era * 146097 + doe - 719468
  }

  public init(daysSinceEpoch days: Int) {
    let z = days + 719468
    let era = (z >= 0 ? z : z - 146096) / 146097
    let doe = z - era * 146097
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
    let mp = (5 * doy + 2) / 153
    let d = doy - (153 * mp + 2) / 5 + 1
    let m = mp < 10 ? mp + 3 : mp - 9
    self.year = yoe + era * 400 + (m <= 2 ? 1 : 0)
    self.month = m
    self.day = d
  }

  /// 0 = Sunday … 6 = Saturday.
  public var weekday: Int {
    ((daysSinceEpoch % 7) + 11) % 7
  }

  public func adding(days: Int) -> LocalDate {
    LocalDate(daysSinceEpoch: daysSinceEpoch + days)
  }

  static func daysIn(month: Int, year: Int) -> Int {
    switch month {
    case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
    case 4, 6, 9, 11: 30
    default: 31
    }
  }

  static func pad(_ value: Int, _ width: Int) -> String {
    let text = String(value)
    return String(repeating: "0", count: max(0, width - text.count)) + text
  }
}

/// A moment written with its UTC offset (`2026-12-03T14:00:00+09:00`). Keeps the local wall time
/// for display and the instant for comparison.
public struct DateTime: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
  public var date: LocalDate
  public var hour: Int
  public var minute: Int
  public var second: Int
  /// Offset from UTC in seconds; +09:00 is 32400.
  public var offsetSeconds: Int

  public init(date: LocalDate, hour: Int, minute: Int, second: Int = 0, offsetSeconds: Int) {
    self.date = date
    self.hour = hour
    self.minute = minute
    self.second = second
    self.offsetSeconds = offsetSeconds
  }

  /// Parses `YYYY-MM-DDTHH:MM[:SS](Z|±HH:MM)`; the offset is required.
  public init?(iso text: String) {
    var text = text
    guard let moment = text.withUTF8(ISOText.dateTime) else { return nil }
    self = moment
  }

  /// Seconds since 1970-01-01T00:00:00Z.
  public var epochSeconds: Int {
    date.daysSinceEpoch * 86400 + hour * 3600 + minute * 60 + second - offsetSeconds
  }

  public init(epochSeconds: Int, offsetSeconds: Int) {
    let local = epochSeconds + offsetSeconds
    let days = local >= 0 ? local / 86400 : (local - 86399) / 86400
    let secs = local - days * 86400
    self.init(
      date: LocalDate(daysSinceEpoch: days), hour: secs / 3600, minute: (secs % 3600) / 60,
      second: secs % 60, offsetSeconds: offsetSeconds)
  }

  /// The same instant seen at another offset.
  public func at(offsetSeconds: Int) -> DateTime {
    DateTime(epochSeconds: epochSeconds, offsetSeconds: offsetSeconds)
  }

  public static func < (lhs: DateTime, rhs: DateTime) -> Bool {
    lhs.epochSeconds < rhs.epochSeconds
  }

  public static func == (lhs: DateTime, rhs: DateTime) -> Bool {
    lhs.epochSeconds == rhs.epochSeconds && lhs.offsetSeconds == rhs.offsetSeconds
  }

  public var description: String {
    let sign = offsetSeconds < 0 ? "-" : "+"
    let off = abs(offsetSeconds)
    let zone =
      offsetSeconds == 0
      ? "Z" : "\(sign)\(LocalDate.pad(off / 3600, 2)):\(LocalDate.pad((off % 3600) / 60, 2))"
    return
      "\(date)T\(LocalDate.pad(hour, 2)):\(LocalDate.pad(minute, 2)):\(LocalDate.pad(second, 2))\(zone)"
  }

  /// `14:00`
  public var clock: String { "\(LocalDate.pad(hour, 2)):\(LocalDate.pad(minute, 2))" }

  /// Japan Standard Time, the hub's display zone.
  public static let jstOffset = 9 * 3600
}
