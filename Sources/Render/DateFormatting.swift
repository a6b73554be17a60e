import Schema

/// Dates as each language writes them: 2026年12月3日(木) / 3 December 2026 / 3. Dezember 2026.
enum DateFormatting {
  static let japaneseWeekdays = ["日", "月", "火", "水", "木", "金", "土"]
  static let englishMonths = [
    "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
    "November", "December",
  ]
  static let germanMonths = [
    "Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober",
    "November", "Dezember",
  ]

  static func date(_ date: LocalDate, _ language: Language) -> String {
    switch language {
    case .ja: "\(date.year)年\(date.month)月\(date.day)日(\(japaneseWeekdays[date.weekday]))"
    case .en: "\(date.day) \(englishMonths[date.month - 1]) \(date.year)"
    case .de: "\(date.day). \(germanMonths[date.month - 1]) \(date.year)"
    }
  }

  /// `2026年12月` / `December 2026` / `Dezember 2026`.
  static func month(year: Int, month: Int, _ language: Language) -> String {
    switch language {
    case .ja: "\(year)年\(month)月"
    case .en: "\(englishMonths[month - 1]) \(year)"
    case .de: "\(germanMonths[month - 1]) \(year)"
    }
  }

  /// In Japan time, where the hub's events happen.
  static func dateTime(_ value: DateTime, _ language: Language) -> String {
    let local = value.at(offsetSeconds: DateTime.jstOffset)
    return "\(date(local.date, language)) \(local.clock)"
  }

  /// `2026年12月3日(木) 14:00–17:00`, or both dates when the event spans days.
  static func range(_ start: DateTime, _ end: DateTime, _ language: Language) -> String {
    let s = start.at(offsetSeconds: DateTime.jstOffset)
    let e = end.at(offsetSeconds: DateTime.jstOffset)
    if s.date == e.date {
      return "\(date(s.date, language)) \(s.clock)–\(e.clock)"
    }
    return "\(dateTime(start, language)) – \(dateTime(end, language))"
  }
}
