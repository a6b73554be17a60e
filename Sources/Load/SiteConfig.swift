import Schema

/// The site configuration from `kirameki.yaml`.
public struct SiteConfig: Sendable, Hashable {
  public var title: Labels
  public var tagline: Labels
  /// Absolute base URL ending in `/`, used for canonical links and feeds.
  public var baseURL: String
  public var languages: [Language]
  /// Entries per list page.
  public var pageSize: Int
  /// The theme folder under `themes/`.
  public var theme: String
  /// Where the site's submission forms post to (`kirameki-intake serve`), without a trailing `/`;
  /// nil when no receiver runs, and the form pages explain other ways to submit.
  public var intakeURL: String?

  public init(
    title: Labels, tagline: Labels, baseURL: String, languages: [Language], pageSize: Int, theme: String,
    intakeURL: String? = nil
  ) {
    self.title = title
    self.tagline = tagline
    self.baseURL = baseURL
    self.languages = languages
    self.pageSize = pageSize
    self.theme = theme
    self.intakeURL = intakeURL
  }

  public static let fileName = "kirameki.yaml"
}
