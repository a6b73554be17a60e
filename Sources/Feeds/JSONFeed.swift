import Assemble
import Schema

/// A channel as a JSON Feed 1.1 document (https://www.jsonfeed.org/version/1.1/).
enum JSONFeed {
  static let version = "https://jsonfeed.org/version/1.1"

  static func json(_ channel: FeedChannel, links: SiteLinks) -> String {
    var members: [(String, JSONValue)] = [
      ("version", .string(version)),
      ("title", .string(channel.title)),
      ("home_page_url", .string(channel.homeURL)),
      ("feed_url", .string(links.absolute("/" + channel.jsonPath))),
    ]
    if !channel.subtitle.isEmpty { members.append(("description", .string(channel.subtitle))) }
    members += [
      ("language", .string(channel.language.rawValue)),
      ("authors", .array([.object([("name", .string(channel.author)), ("url", .string(links.base))])])),
      ("items", .array(channel.items.map { item($0, links: links) })),
    ]
    return JSONValue.object(members).serialized() + "\n"
  }

  static func item(_ page: Page, links: SiteLinks) -> JSONValue {
    let entry = page.entry
    let url = links.absolute(page.url)
    var members: [(String, JSONValue)] = [
      ("id", .string(url)),
      ("url", .string(url)),
      ("title", .string(entry.title)),
    ]
    if !page.summary.isEmpty { members.append(("summary", .string(page.summary))) }
    // JSON Feed requires content_html or content_text; an empty body still yields one.
    if page.document.html.isEmpty {
      members.append(("content_text", .string(page.summary.isEmpty ? entry.title : page.summary)))
    } else {
      members.append(("content_html", .string(links.absolutizingLinks(in: page.document.html))))
    }
    members += [
      ("date_published", .string(Timestamps.rfc3339(entry.date))),
      ("date_modified", .string(Timestamps.rfc3339(FeedChannel.updated(entry)))),
      ("language", .string(entry.language.rawValue)),
    ]
    let tags = [entry.type.sectionLabel[entry.language]] + entry.strings("tags")
    members.append(("tags", .array(tags.map { .string($0) })))
    return .object(members)
  }
}
