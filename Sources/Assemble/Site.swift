import Load
import Schema

/// Everything the renderer needs, arranged: pages, section lists, taxonomy terms and the home
/// page's selections. Lists hold indices into `pages`.
public struct Site: Sendable {
  public var config: SiteConfig
  public var now: DateTime
  public var pages: [Page]
  public var sections: [SectionIndex]
  public var taxonomies: [TaxonomyIndex]
  public var home: Home
  /// Pages in the main navigation, in order.
  public var menu: [Int]
  /// Copied to the output as they are: content files that are not Markdown.
  public var staticFiles: [String]
  /// For each need posting (every language version): candidate companies, or for a technology
  /// seed the clinical needs it could serve, best first.
  public var matches: [Int: [Match]] = [:]
  /// Related entries for every page, as indices of primary-language pages.
  public var related: [Int: [Int]] = [:]

  public struct SectionIndex: Sendable {
    public var type: ContentType
    /// One page per entry (the Japanese version where there is one), in the section's order.
    public var items: [Int]
  }

  public struct TaxonomyIndex: Sendable {
    public var taxonomy: Taxonomy
    public var terms: [Term]
  }

  public struct Term: Sendable {
    public var value: String
    /// ASCII URL segment.
    public var slug: String
    public var label: Labels
    public var items: [Int]
  }

  public struct Home: Sendable {
    public var upcomingSeminars: [Int]
    public var openNeeds: [Int]
    public var latestNews: [Int]
    public var guides: [Int]
  }
}
