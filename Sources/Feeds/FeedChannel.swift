import Assemble
import Decode
import Schema

/// One syndication feed, written both as Atom (`feed.xml`) and as JSON Feed (`feed.json`) in
/// its folder: the whole site's at the root, each section's in the section's folder.
struct FeedChannel: Sendable {
  /// Output folder, `""` for the site feed, `"seminars/"` for a section's.
  var folder: String
  var title: String
  var subtitle: String
  /// The site's title: the hub writes every entry.
  var author: String
  /// The HTML page the feed follows, absolute.
  var homeURL: String
  var language: Language
  /// Newest first.
  var items: [Page]
  /// The newest item's change, or a fixed fallback for an empty feed (never the wall clock).
  var updated: LocalDate

  var atomPath: String { folder + "feed.xml" }
  var jsonPath: String { folder + "feed.json" }

  /// Sections with feeds.
  static let sections = ContentTypes.withFeeds
  /// Most items in one feed.
  static let limit = 50

  /// The site feed and one feed per section in `sections`.
  static func all(for site: Site, links: SiteLinks) -> [FeedChannel] {
    let language = Language.default
    let siteTitle = site.config.title[language]
    let fallback = site.pages.map { updated($0.entry) }.max() ?? LocalDate(daysSinceEpoch: 0)
    func channel(folder: String, title: String, subtitle: String, pages: [Page]) -> FeedChannel {
      let items = Array(newestFirst(pages).prefix(limit))
      return FeedChannel(
        folder: folder, title: title, subtitle: subtitle, author: siteTitle, homeURL: links.absolute("/" + folder),
        language: language, items: items, updated: items.map { updated($0.entry) }.max() ?? fallback)
    }
    var channels = [
      channel(
        folder: "", title: siteTitle, subtitle: site.config.tagline[language],
        pages: sections.flatMap { primaryPages(of: $0, in: site) })
    ]
    for type in sections {
      channels.append(
        channel(
          folder: "\(type.section)/", title: "\(type.sectionLabel[language]) — \(siteTitle)",
          subtitle: site.config.tagline[language], pages: primaryPages(of: type, in: site)))
    }
    return channels
  }

  /// One page per entry of a section: the Japanese version, or the only language it has.
  static func primaryPages(of type: ContentType, in site: Site) -> [Page] {
    let items = site.sections.first { $0.type == type }?.items ?? []
    return items.compactMap { site.pages.indices.contains($0) ? site.pages[$0] : nil }
  }

  /// By published `date`, newest first; ties by section and id so the order never varies.
  static func newestFirst(_ pages: [Page]) -> [Page] {
    pages.sorted {
      let (a, b) = ($0.entry, $1.entry)
      return a.date != b.date ? a.date > b.date : (a.type.section, a.id) < (b.type.section, b.id)
    }
  }

  /// When an entry last changed: `updated`, or `date` when it was never updated.
  static func updated(_ entry: Entry) -> LocalDate {
    max(entry.date, entry.date("updated") ?? entry.date)
  }
}
