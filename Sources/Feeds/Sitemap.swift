import Assemble
import Foundation
import Load
import Render
import Schema

/// `sitemap.xml` (sitemaps.org 0.9): every rendered HTML page but the 404 page, with the
/// dates of entry pages and `xhtml:link` alternates between language versions; a sitemap index
/// of several sitemaps when the site has more URLs than one may list.
enum Sitemap {
  static let path = "sitemap.xml"

  struct URLEntry: Sendable, Hashable {
    var loc: String
    var lastmod: LocalDate?
    /// hreflang → absolute URL, in `Language` order, then `x-default`.
    var alternates: [Alternate]
  }

  struct Alternate: Sendable, Hashable {
    var hreflang: String
    var href: String
  }

  /// sitemaps.org's limits for one sitemap file: 50,000 URLs and 50 MB (52,428,800 bytes)
  /// uncompressed. A site with more URLs is listed in several files named by a sitemap index.
  static let maxURLs = 50_000
  static let maxBytes = 52_428_800

  /// `sitemap.xml` with every URL of the site; past one file's limits, `sitemap.xml` is a sitemap
  /// index of `sitemap-1.xml`, `sitemap-2.xml`, … that list the URLs in order, each within them.
  static func files(
    for site: Site, htmlPaths: [String], links: SiteLinks, maxURLs: Int = maxURLs, maxBytes: Int = maxBytes
  ) -> [OutputFile] {
    let entries = entries(for: site, htmlPaths: htmlPaths, links: links)
    let size = Swift.max(1, maxURLs)
    let ranges = stride(from: 0, to: entries.count, by: size).map { $0..<Swift.min(entries.count, $0 + size) }
    // Each part on a core of its own; a part over the byte limit (very long URLs) is halved until it fits.
    let parts = OrderedParallel.map(ranges.isEmpty ? [0..<0] : ranges) { range in
      fitted(entries[range], maxBytes: maxBytes)
    }.flatMap { $0 }
    guard parts.count > 1 else { return [OutputFile(path: path, data: Data(parts.first ?? urlset([])))] }
    let named = parts.indices.map { "sitemap-\($0 + 1).xml" }
    var index = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    index += "<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
    for name in named {
      index += "  <sitemap>\n    " + XMLText.element("loc", links.absolute("/" + name)) + "\n  </sitemap>\n"
    }
    index += "</sitemapindex>\n"
    return [OutputFile(path: path, text: index)] + zip(named, parts).map { OutputFile(path: $0, data: Data($1)) }
  }

  /// The entries as one sitemap, or as several when one would be larger than `maxBytes`.
  static func fitted(_ entries: ArraySlice<URLEntry>, maxBytes: Int) -> [[UInt8]] {
    let xml = urlset(entries)
    guard xml.count > maxBytes, entries.count > 1 else { return [xml] }
    let middle = entries.startIndex + entries.count / 2
    return fitted(entries[..<middle], maxBytes: maxBytes) + fitted(entries[middle...], maxBytes: maxBytes)
  }

  /// One sitemap of the entries, in their order: the text of `XMLText.element` and
  /// `XMLText.emptyElement`, appended as bytes to one buffer (at 100k entries the sitemaps hold
  /// 254k URLs, and building them from small strings took a fiftieth of a build's instructions).
  static func urlset(_ entries: ArraySlice<URLEntry>) -> [UInt8] {
    var xml: [UInt8] = []
    xml.reserveCapacity(256 + entries.count * 320)
    func append(_ text: String) { xml.append(contentsOf: text.utf8) }
    append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
    append("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\"")
    append(" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n")
    for url in entries {
      append("  <url>\n    <loc>")
      append(XMLText.escape(url.loc))
      append("</loc>\n")
      if let lastmod = url.lastmod {
        append("    <lastmod>")
        append(XMLText.escape(lastmod.description))
        append("</lastmod>\n")
      }
      for alternate in url.alternates {
        append("    <xhtml:link rel=\"alternate\" hreflang=\"")
        append(XMLText.escapeAttribute(alternate.hreflang))
        append("\" href=\"")
        append(XMLText.escapeAttribute(alternate.href))
        append("\"/>\n")
      }
      append("  </url>\n")
    }
    append("</urlset>\n")
    return xml
  }

  /// One entry per distinct HTML path, sorted by URL.
  static func entries(for site: Site, htmlPaths: [String], links: SiteLinks) -> [URLEntry] {
    var pageByPath: [String: Int] = [:]
    for (index, page) in site.pages.enumerated() {
      pageByPath[OutputFile.htmlPath(forURL: page.url)] = index
    }
    let paths = Set(htmlPaths.filter { $0.hasSuffix(".html") && $0 != "404.html" })
    let variants = languageVariants(of: paths)
    let entries = paths.map { path -> URLEntry in
      let loc = links.url(forHTMLPath: path)
      if let index = pageByPath[path] {
        let page = site.pages[index]
        var versions = page.translations.map { ($0.key, links.absolute($0.value)) }
        if !versions.isEmpty { versions.append((page.entry.language, loc)) }
        return URLEntry(
          loc: loc, lastmod: FeedChannel.updated(page.entry), alternates: alternates(versions))
      }
      let versions = (variants[unprefixed(path).path] ?? [:]).map { ($0.key, links.url(forHTMLPath: $0.value)) }
      return URLEntry(loc: loc, lastmod: nil, alternates: versions.count > 1 ? alternates(versions) : [])
    }
    return entries.sorted { $0.loc < $1.loc }
  }

  /// hreflang links in language order, plus `x-default` for the default language's version.
  static func alternates(_ versions: [(Language, String)]) -> [Alternate] {
    let sorted = versions.sorted { $0.0 < $1.0 }
    var result = sorted.map { Alternate(hreflang: $0.0.rawValue, href: $0.1) }
    if let main = sorted.first(where: { $0.0 == .default }) {
      result.append(Alternate(hreflang: "x-default", href: main.1))
    }
    return result
  }

  /// List pages (home, sections, taxonomies) exist once per language under the language's
  /// prefix: `seminars/index.html`, `en/seminars/index.html`. Groups paths by their
  /// unprefixed form.
  static func languageVariants(of paths: Set<String>) -> [String: [Language: String]] {
    var variants: [String: [Language: String]] = [:]
    for path in paths {
      let (language, rest) = unprefixed(path)
      variants[rest, default: [:]][language] = path
    }
    return variants
  }

  /// `en/seminars/index.html` → (.en, `seminars/index.html`); unprefixed paths are the default
  /// language's.
  static func unprefixed(_ path: String) -> (language: Language, path: String) {
    for language in Language.allCases where language != .default {
      let prefix = language.rawValue + "/"
      if path.hasPrefix(prefix) { return (language, String(path.dropFirst(prefix.count))) }
    }
    return (.default, path)
  }
}
