import Assemble
import Decode
import Schema

/// One seminar as an iCalendar VEVENT, with every value already chosen from its page.
struct SeminarEvent: Sendable, Hashable {
  var uid: String
  /// UTC, from the entry's `updated` or `date`, so the file is the same in every build.
  var stamp: LocalDate
  var start: DateTime
  var end: DateTime
  var summary: String
  var description: String
  var url: String
  var location: String?
  var status: String
  /// The online meeting link of an online or mixed seminar.
  var conference: String?

  /// The event of a seminar page; nil when the page has no start and end (not a seminar).
  init?(page: Page, links: SiteLinks) {
    let entry = page.entry
    guard let start = entry.datetime("start"), let end = entry.datetime("end") else { return nil }
    let language = entry.language
    let seminar = ContentTypes.seminar
    let statusValue = entry.string("status") ?? "scheduled"
    let attendance = entry.string("attendance") ?? "offline"
    let online = attendance == "online" || statusValue == "moved_online"
    let onlineURL = (online || attendance == "mixed") ? entry.string("online_url") : nil

    self.uid = "\(entry.id)@\(links.host)"
    self.stamp = entry.date("updated") ?? entry.date
    self.start = start
    self.end = end
    self.summary = entry.title
    self.url = links.absolute(page.url)
    self.status = Self.status(statusValue)
    self.conference = onlineURL

    if online {
      self.location = onlineURL ?? Vocabularies.attendance.label("online", in: language)
    } else {
      let place = [entry.string("venue"), entry.string("address")].compactMap { $0 }.filter { !$0.isEmpty }
      self.location = place.isEmpty ? nil : place.joined(separator: ", ")
    }

    func line(_ field: String, _ value: String) -> String {
      "\(seminar.field(named: field)?.label[language] ?? field): \(value)"
    }
    var paragraphs = [page.summary]
    var facts: [String] = []
    if statusValue != "scheduled" {
      facts.append(line("status", Vocabularies.seminarStatus.label(statusValue, in: language)))
    }
    if let organizer = entry.string("organizer") { facts.append(line("organizer", organizer)) }
    if let onlineURL { facts.append(line("online_url", onlineURL)) }
    if !facts.isEmpty { paragraphs.append(facts.joined(separator: "\n")) }
    paragraphs.append(url)
    self.description = paragraphs.filter { !$0.isEmpty }.joined(separator: "\n\n")
  }

  /// RFC 5545 STATUS for a seminar's `status`: only a cancelled seminar is off, and a
  /// postponed one has no settled date.
  static func status(_ value: String) -> String {
    switch value {
    case "cancelled": "CANCELLED"
    case "postponed": "TENTATIVE"
    default: "CONFIRMED"
    }
  }

  func write(into writer: inout ICalWriter) {
    writer.begin("VEVENT")
    writer.text("UID", uid)
    writer.raw("DTSTAMP", Timestamps.icalUTCMidnight(stamp))
    writer.raw("DTSTART", Timestamps.icalTokyo(start), parameters: [("TZID", ICalendar.timeZoneID)])
    writer.raw("DTEND", Timestamps.icalTokyo(end), parameters: [("TZID", ICalendar.timeZoneID)])
    writer.text("SUMMARY", summary)
    writer.text("DESCRIPTION", description)
    writer.raw("URL", url, parameters: [("VALUE", "URI")])
    if let location { writer.text("LOCATION", location) }
    writer.raw("STATUS", status)
    if let conference {
      writer.raw("CONFERENCE", conference, parameters: [("VALUE", "URI"), ("FEATURE", "VIDEO")])
    }
    writer.end("VEVENT")
  }
}
