import Assemble
import Render
import Schema

/// The seminars as iCalendar files: one `event.ics` beside each Japanese seminar page, and
/// `seminars/calendar.ics`, a subscribable feed of every seminar not yet over.
enum CalendarFiles {
  static let feedPath = "\(ContentTypes.seminar.section)/calendar.ics"

  static func files(for site: Site, links: SiteLinks) -> [OutputFile] {
    let name = calendarName(site)
    var files: [OutputFile] = []
    for page in site.pages where page.entry.type == ContentTypes.seminar && page.entry.language == .default {
      guard let event = SeminarEvent(page: page, links: links) else { continue }
      let text = ICalendar.calendar(name: name, events: [event], subscription: false)
      files.append(OutputFile(path: eventPath(page), text: text))
    }
    let feed = ICalendar.calendar(name: name, events: upcomingEvents(site, links: links), subscription: true)
    files.append(OutputFile(path: feedPath, text: feed))
    return files
  }

  /// `/seminars/x/` → `seminars/x/event.ics`.
  static func eventPath(_ page: Page) -> String {
    String(page.url.drop { $0 == "/" }) + "event.ics"
  }

  /// Seminars ahead of or under way at `site.now`, one version per seminar (the Japanese one
  /// where there is one), soonest first.
  static func upcomingEvents(_ site: Site, links: SiteLinks) -> [SeminarEvent] {
    let items = site.sections.first { $0.type == ContentTypes.seminar }?.items ?? []
    let pages = items.compactMap { site.pages.indices.contains($0) ? site.pages[$0] : nil }
    return pages.filter { Timeline.seminarTiming($0.entry, now: site.now) != .past }
      .compactMap { SeminarEvent(page: $0, links: links) }
      .sorted { ($0.start.epochSeconds, $0.uid) < ($1.start.epochSeconds, $1.uid) }
  }

  /// `さいたま医療ものづくりハブ セミナー・イベント`
  static func calendarName(_ site: Site) -> String {
    "\(site.config.title[.default]) \(ContentTypes.seminar.sectionLabel[.default])"
  }
}
