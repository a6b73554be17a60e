import Foundation

/// The moment a submission arrived, in Japan time (`2026-11-25T15:04:05+09:00`), and the date
/// part its id starts with (`20261125`).
public struct ReceiptTime: Sendable, Equatable {
  public let iso: String
  public let compactDate: String

  public init(_ date: Date) {
    let jst = Calendar(identifier: .gregorian)
    var calendar = jst
    calendar.timeZone = TimeZone(secondsFromGMT: 9 * 3600) ?? .gmt
    let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
    let year = parts.year ?? 1970
    let month = parts.month ?? 1
    let day = parts.day ?? 1
    func two(_ value: Int?) -> String { value.map { $0 < 10 ? "0\($0)" : "\($0)" } ?? "00" }
    iso = "\(year)-\(two(month))-\(two(day))T\(two(parts.hour)):\(two(parts.minute)):\(two(parts.second))+09:00"
    compactDate = "\(year)\(two(month))\(two(day))"
  }
}
