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
  /// feed reader resolves them against the site, not against itself. One pass over the bytes:
  /// searching for each attribute from every link found was quadratic in the links of a page.
  func absolutizingLinks(in html: String) -> String {
    ByteRewrite.apply(html) { bytes, index in
      guard bytes[index] == UInt8(ascii: " ") else { return nil }
      for attribute in Self.attributes where index + attribute.count < bytes.count {
        let slash = index + attribute.count
        guard bytes[index..<slash].elementsEqual(attribute.utf8), bytes[slash] == UInt8(ascii: "/"),
          slash + 1 == bytes.count || bytes[slash + 1] != UInt8(ascii: "/")
        else { continue }
        // The leading `/` is the base's last character.
        return ByteRewrite.Replacement(length: attribute.utf8.count + 1, text: attribute + base)
      }
      return nil
    }
  }

  private static let attributes = [" href=\"", " src=\""]
}
