/// `robots.txt`: every page may be crawled; the sitemap lists them.
enum Robots {
  static let path = "robots.txt"

  static func text(links: SiteLinks) -> String {
    """
    User-agent: *
    Allow: /

    Sitemap: \(links.absolute("/" + Sitemap.path))

    """
  }
}
