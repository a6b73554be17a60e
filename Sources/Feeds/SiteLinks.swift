/// Absolute URLs from the configured `base_url`, for files read outside the site (feed readers,
/// calendars, crawlers), where root-relative links mean nothing.
struct SiteLinks: Sendable {
  /// The base URL, always ending in `/`.
  let base: String

  init(baseURL: String) {
    base = baseURL.hasSuffix("/") ? baseURL : baseURL + "/"
  }

  /// `/seminars/x/` → `https://hub.example.org/seminars/x/`.
  func absolute(_ rootRelative: String) -> String {
    base + rootRelative.drop { $0 == "/" }
  }

  /// The URL a rendered HTML file is served at: `index.html` → the base URL,
  /// `seminars/x/index.html` → `…/seminars/x/`, `a/b.html` → `…/a/b.html`.
  func url(forHTMLPath path: String) -> String {
    if path == "index.html" { return base }
    if path.hasSuffix("/index.html") { return base + path.dropLast("index.html".count) }
    return base + path
  }

  /// The host of the base URL (`hub.example.org`), for calendar UIDs.
  var host: String {
    var rest = Substring(base)
    if let scheme = rest.firstRange(of: "://") { rest = rest[scheme.upperBound...] }
    let authority = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
    let hostAndPort = authority.split(separator: "@", omittingEmptySubsequences: false).last ?? authority
    let host: Substring
    if hostAndPort.hasPrefix("["), let close = hostAndPort.firstIndex(of: "]") {
      host = hostAndPort[...close]  // an IPv6 literal keeps its brackets
    } else {
      host = hostAndPort.prefix { $0 != ":" }
    }
    return host.isEmpty ? "kirameki.invalid" : host.lowercased()
  }

  /// Rendered HTML with its root-relative `href="/…"` and `src="/…"` links made absolute, so a
  /// feed reader resolves them against the site, not against itself.
  func absolutizingLinks(in html: String) -> String {
    var out = ""
    out.reserveCapacity(html.utf8.count)
    var rest = html[...]
    while let match = nextLink(in: rest) {
      out.append(contentsOf: rest[..<match.lowerBound])
      out.append(contentsOf: rest[match])  // `href="`
      out += base
      rest = rest[rest.index(after: match.upperBound)...]  // skip the leading `/`
    }
    out.append(contentsOf: rest)
    return out
  }

  /// The earliest `href="` or `src="` in `text` followed by a single `/` (not `//host`).
  private func nextLink(in text: Substring) -> Range<Substring.Index>? {
    var best: Range<Substring.Index>?
    for attribute in [" href=\"", " src=\""] {
      var searchFrom = text.startIndex
      while let found = text[searchFrom...].firstRange(of: attribute) {
        let after = text[found.upperBound...]
        if after.hasPrefix("/") && !after.hasPrefix("//") {
          if best.map({ found.lowerBound < $0.lowerBound }) ?? true { best = found }
          break
        }
        searchFrom = found.upperBound
      }
    }
    return best
  }
}
