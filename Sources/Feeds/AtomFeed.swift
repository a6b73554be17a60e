import Assemble
import Schema

/// A channel as an Atom 1.0 document (RFC 4287).
enum AtomFeed {
  static let generator = "Kirameki"

  static func xml(_ channel: FeedChannel, links: SiteLinks) -> String {
    var lines = [
      "<?xml version=\"1.0\" encoding=\"utf-8\"?>",
      "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"\(XMLText.escapeAttribute(channel.language.rawValue))\">",
      "  " + XMLText.element("id", channel.homeURL),
      "  " + XMLText.element("title", channel.title),
    ]
    if !channel.subtitle.isEmpty { lines.append("  " + XMLText.element("subtitle", channel.subtitle)) }
    lines += [
      "  " + link(rel: "self", type: "application/atom+xml", href: links.absolute("/" + channel.atomPath)),
      "  " + link(rel: "alternate", type: "text/html", href: channel.homeURL),
      "  " + link(rel: "alternate", type: "application/feed+json", href: links.absolute("/" + channel.jsonPath)),
      "  " + XMLText.element("updated", Timestamps.rfc3339(channel.updated)),
      "  <author>",
      "    " + XMLText.element("name", channel.author),
      "    " + XMLText.element("uri", links.base),
      "  </author>",
      "  " + XMLText.element("generator", generator),
    ]
    for page in channel.items {
      lines += entry(page, links: links).map { "  " + $0 }
    }
    lines.append("</feed>")
    return lines.joined(separator: "\n") + "\n"
  }

  static func entry(_ page: Page, links: SiteLinks) -> [String] {
    let entry = page.entry
    let url = links.absolute(page.url)
    var lines = [
      "<entry xml:lang=\"\(XMLText.escapeAttribute(entry.language.rawValue))\">",
      "  " + XMLText.element("id", url),
      "  " + XMLText.element("title", entry.title),
      "  " + link(rel: "alternate", type: "text/html", href: url),
      "  " + XMLText.element("published", Timestamps.rfc3339(entry.date)),
      "  " + XMLText.element("updated", Timestamps.rfc3339(FeedChannel.updated(entry))),
      "  "
        + XMLText.emptyElement(
          "category", attributes: [("term", entry.type.section), ("label", entry.type.sectionLabel[entry.language])]),
    ]
    for tag in entry.strings("tags") {
      lines.append("  " + XMLText.emptyElement("category", attributes: [("term", tag)]))
    }
    if !page.summary.isEmpty { lines.append("  " + XMLText.element("summary", page.summary)) }
    if !page.document.html.isEmpty {
      let html = links.absolutizingLinks(in: page.document.html)
      lines.append("  " + XMLText.element("content", html, attributes: [("type", "html")]))
    }
    lines.append("</entry>")
    return lines
  }

  static func link(rel: String, type: String, href: String) -> String {
    XMLText.emptyElement("link", attributes: [("rel", rel), ("type", type), ("href", href)])
  }
}
