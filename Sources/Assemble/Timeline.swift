import Decode
import Schema

/// What depends on the build's `now`: whether a seminar is ahead or past, registration state,
/// and whether a posting has expired.
public enum Timeline {
  public enum SeminarTiming: String, Sendable {
    case upcoming
    case ongoing
    case past
  }

  public static func seminarTiming(_ entry: Entry, now: DateTime) -> SeminarTiming {
    guard let start = entry.datetime("start"), let end = entry.datetime("end") else { return .past }
    if now < start { return .upcoming }
    if now < end { return .ongoing }
    return .past
  }

  public enum Registration: String, Sendable {
    case open
    case closingSoon = "closing_soon"
    case closed
  }

  /// Registration is open until the end of its deadline day (Japan time), and in any case not
  /// after the start; "closing soon" in the last seven days.
  public static func registration(_ entry: Entry, now: DateTime) -> Registration {
    let status = entry.string("status") ?? "scheduled"
    guard seminarTiming(entry, now: now) == .upcoming, status != "cancelled", status != "postponed" else {
      return .closed
    }
    guard let deadline = entry.date("registration_deadline") else { return .open }
    let today = now.at(offsetSeconds: DateTime.jstOffset).date
    if today > deadline { return .closed }
    return deadline.daysSinceEpoch - today.daysSinceEpoch < 7 ? .closingSoon : .open
  }

  /// A need's status as visitors should see it: an open posting past its expiry is expired.
  public static func needStatus(_ entry: Entry, now: DateTime) -> String {
    let status = entry.string("status") ?? "open"
    let today = now.at(offsetSeconds: DateTime.jstOffset).date
    if status == "open" || status == "in_discussion", let expires = entry.date("expires"), expires < today {
      return "expired"
    }
    return status
  }
}

extension Timeline {
  /// A guide whose facts were last checked more than a year before `now`.
  public static func isStale(reviewed: LocalDate, now: DateTime) -> Bool {
    let today = now.at(offsetSeconds: DateTime.jstOffset).date
    return reviewed.daysSinceEpoch < today.daysSinceEpoch - 365
  }
}
