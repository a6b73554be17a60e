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
    let base = Array(self.base.utf8)
    var html = html
    return html.withUTF8 { bytes in
      var out: [UInt8] = []
      out.reserveCapacity(bytes.count + 256)
      var copied = 0
      var index = 0
      while index < bytes.count {
        guard bytes[index] == UInt8(ascii: " "),
          let valueStart = Self.attributeValueStart(in: bytes, at: index),
          valueStart < bytes.count, bytes[valueStart] == UInt8(ascii: "/"),
          valueStart + 1 >= bytes.count || bytes[valueStart + 1] != UInt8(ascii: "/")
        else {
          index += 1
          continue
        }
        out.append(contentsOf: bytes[copied..<valueStart])
        out.append(contentsOf: base)
        copied = valueStart + 1  // the leading `/` is the base's last character
        index = copied
      }
      out.append(contentsOf: bytes[copied...])
      return String(decoding: out, as: UTF8.self)
    }
  }

  private static let attributes: [[UInt8]] = [Array(" href=\"".utf8), Array(" src=\"".utf8)]

  /// Where the value starts when ` href="` or ` src="` begins at `index`.
  private static func attributeValueStart(in bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int? {
    for attribute in attributes where index + attribute.count <= bytes.count {
      if bytes[index..<index + attribute.count].elementsEqual(attribute) { return index + attribute.count }
    }
    return nil
  }
}
