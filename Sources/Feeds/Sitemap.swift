import Assemble
import Render
import Schema

/// `sitemap.xml` (sitemaps.org 0.9): every rendered HTML page but the 404 page, with the
/// dates of entry pages and `xhtml:link` alternates between language versions.
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

  static func xml(for site: Site, htmlPaths: [String], links: SiteLinks) -> String {
    // Appended to one string, each line with its line break: at 100k entries the file is ~100 MB,
    // and an array of its lines joined at the end held three times that while it was made.
    var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    xml += "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\""
    xml += " xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n"
    for url in entries(for: site, htmlPaths: htmlPaths, links: links) {
      xml += "  <url>\n"
      xml += "    " + XMLText.element("loc", url.loc) + "\n"
      if let lastmod = url.lastmod { xml += "    " + XMLText.element("lastmod", lastmod.description) + "\n" }
      for alternate in url.alternates {
        let attributes = [("rel", "alternate"), ("hreflang", alternate.hreflang), ("href", alternate.href)]
        xml += "    " + XMLText.emptyElement("xhtml:link", attributes: attributes) + "\n"
      }
      xml += "  </url>\n"
    }
    xml += "</urlset>\n"
    return xml
  }

  /// One entry per distinct HTML path, sorted by URL.
  static func entries(for site: Site, htmlPaths: [String], links: SiteLinks) -> [URLEntry] {
    var pageByPath: [String: Page] = [:]
    for page in site.pages {
      pageByPath[OutputFile.htmlPath(forURL: page.url)] = page
    }
    let paths = Set(htmlPaths.filter { $0.hasSuffix(".html") && $0 != "404.html" })
    let variants = languageVariants(of: paths)
    let entries = paths.map { path -> URLEntry in
      let loc = links.url(forHTMLPath: path)
      if let page = pageByPath[path] {
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
