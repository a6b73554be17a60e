import Assemble
import Load
import Render

/// The feeds stage: everything the site offers to programs rather than to browsers, made from
/// the assembled site. A pure function of its input; all URLs are absolute, from `base_url`.
///
/// - `seminars/<id>/event.ics` for each Japanese seminar page, and `seminars/calendar.ics`
///   with every seminar not yet over (iCalendar, RFC 5545, in Asia/Tokyo time);
/// - `feed.xml` (Atom 1.0) and `feed.json` (JSON Feed 1.1) for the whole site and for each of
///   `seminars`, `needs`, `companies`, `guides` and `news`;
/// - `sitemap.xml` with language alternates (an index of `sitemap-<n>.xml` past 50,000 URLs),
///   and `robots.txt` pointing at it.
public enum FeedFiles {
  /// Every feed-like file of the site, given the assembled site and the paths of the HTML pages that were rendered
  /// (e.g. "index.html", "seminars/x/index.html", "en/news/y/index.html", "404.html").
  /// The same site and paths always give byte-identical files, sorted by path.
  public static func files(for site: Site, htmlPaths: [String]) -> [OutputFile] {
    files(for: site, htmlPaths: htmlPaths, sitemapURLs: Sitemap.maxURLs)
  }

  /// - Parameter sitemapURLs: how many URLs one sitemap file lists at most (tests lower
  ///   sitemaps.org's limit).
  static func files(for site: Site, htmlPaths: [String], sitemapURLs: Int) -> [OutputFile] {
    let links = SiteLinks(baseURL: site.config.baseURL)
    // The sitemap is as much work as the rest together; each half on a core of its own.
    let (feeds, sitemaps) = OrderedParallel.concurrently(
      {
        var files = CalendarFiles.files(for: site, links: links)
        for channel in FeedChannel.all(for: site, links: links) {
          files.append(OutputFile(path: channel.atomPath, text: AtomFeed.xml(channel, links: links)))
          files.append(OutputFile(path: channel.jsonPath, text: JSONFeed.json(channel, links: links)))
        }
        return files
      },
      { Sitemap.files(for: site, htmlPaths: htmlPaths, links: links, maxURLs: sitemapURLs) })
    let files = feeds + sitemaps + [OutputFile(path: Robots.path, text: Robots.text(links: links))]
    return files.sorted { $0.path < $1.path }
  }
}
