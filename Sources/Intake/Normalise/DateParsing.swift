import Foundation
import Schema

/// Dates and times as people write them in forms and spreadsheets, read into the schema's
/// `LocalDate` and `DateTime`. A time without an offset is Japan time (+09:00).
enum DateParsing {
  /// Japanese eras whose first year can appear in a submission.
  static let eras: [(name: String, firstYear: Int)] = [("令和", 2019), ("平成", 1989), ("昭和", 1926)]

  /// `2026-12-03`, `2026/12/3`, `2026.12.3`, `2026年12月3日`, `令和8年12月3日` (元年 = 1),
  /// optionally followed by a weekday such as `(木)`.
  static func date(_ raw: String) -> LocalDate? {
    guard let (date, rest) = datePrefix(TextForms.compatible(raw)) else { return nil }
    return rest.isEmpty ? date : nil
  }

  /// A date followed by a time: `2026/12/3 14:00`, `2026-12-03T14:00:00+09:00`, `2026年12月3日 14時30分`.
  static func dateTime(_ raw: String) -> DateTime? {
    let text = TextForms.compatible(raw)
    if let exact = DateTime(iso: text) { return exact }
    guard let (date, rest) = datePrefix(text), !rest.isEmpty else { return nil }
    var scanner = Scanner(rest.drop { $0 == "T" || $0 == " " })
    guard let hour = scanner.number(maxDigits: 2), scanner.skip([":", "時"]),
      let minute = scanner.number(maxDigits: 2) ?? (scanner.atEnd || scanner.peek == "+" ? 0 : nil)
    else { return nil }
    _ = scanner.skip(["分"])
    var second = 0
    if scanner.skip([":"]) {
      guard let value = scanner.number(maxDigits: 2) else { return nil }
      second = value
      _ = scanner.skip(["秒"])
    }
    var offset = DateTime.jstOffset
    let zone = String(scanner.remaining).trimmingCharacters(in: .whitespaces)
    if !zone.isEmpty {
      guard let parsed = DateTime(iso: "2000-01-01T00:00" + (zone == "JST" ? "+09:00" : zone)) else { return nil }
      offset = parsed.offsetSeconds
    }
    guard hour < 24, minute < 60, second < 60 else { return nil }
    return DateTime(date: date, hour: hour, minute: minute, second: second, offsetSeconds: offset)
  }

  /// Reads a date at the start; returns it and the text after it (a weekday in brackets skipped).
  static func datePrefix(_ text: String) -> (LocalDate, Substring)? {
    var scanner = Scanner(text[...])
    var yearBase = 0
    var japanese = false
    for era in eras where scanner.skip([era.name]) {
      yearBase = era.firstYear - 1
      japanese = true
      break
    }
    let year: Int
    if japanese, scanner.skip(["元"]) {
      year = yearBase + 1
    } else {
      guard let value = scanner.number(maxDigits: japanese ? 2 : 4) else { return nil }
      if !japanese, value < 1000 { return nil }
      year = yearBase + value
    }
    let separators = japanese ? ["年"] : ["-", "/", ".", "年"]
    guard scanner.skip(separators), let month = scanner.number(maxDigits: 2),
      scanner.skip(["-", "/", ".", "月"]), let day = scanner.number(maxDigits: 2)
    else { return nil }
    _ = scanner.skip(["日"])
    if scanner.skip(["("]) {
      guard let close = scanner.remaining.firstIndex(of: ")") else { return nil }
      scanner.remaining = scanner.remaining[scanner.remaining.index(after: close)...]
    }
    guard let date = LocalDate(year: year, month: month, day: day) else { return nil }
    return (date, scanner.remaining.drop { $0 == " " })
  }

  struct Scanner {
    var remaining: Substring

    init(_ text: Substring) {
      self.remaining = text
    }

    var atEnd: Bool { remaining.isEmpty }
    var peek: Character? { remaining.first }

    mutating func number(maxDigits: Int) -> Int? {
      let digits = remaining.prefix { $0.isASCII && $0.isNumber }
      guard !digits.isEmpty, digits.count <= maxDigits, let value = Int(digits) else { return nil }
      remaining = remaining.dropFirst(digits.count)
      return value
    }

    mutating func skip(_ options: [String]) -> Bool {
      for option in options where remaining.hasPrefix(option) {
        remaining = remaining.dropFirst(option.count)
        return true
      }
      return false
    }
  }
}
