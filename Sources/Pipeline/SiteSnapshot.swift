import Assemble
import Diagnostics
import Feeds
import Foundation
import Render

/// One generation of the site as the live preview serves it: pages are rendered on request from
/// the assembled site, everything else is ready in memory. Each file is byte-identical to what
/// `Build.render` produces for the same inputs.
public struct SiteSnapshot: Sendable {
  /// All diagnostics, sorted; the snapshot has no renderer when one of them is an error.
  public var diagnostics: [Diagnostic]
  public var renderer: Renderer?
  /// HTML paths in the build's order (the sitemap is made from them).
  public var htmlPaths: [String]
  /// Page path → the job that renders it.
  public var jobs: [String: RenderJob]
  /// Search index, theme assets and static content copies by path.
  public var files: [String: OutputFile]

  public var hasErrors: Bool { diagnostics.hasErrors }

  static func failed(_ diagnostics: [Diagnostic]) -> SiteSnapshot {
    SiteSnapshot(diagnostics: diagnostics.sorted(), renderer: nil, htmlPaths: [], jobs: [:], files: [:])
  }

  /// Renders the page at `path` (`seminars/x/index.html`), or nil when the site has none there.
  public func page(at path: String) -> OutputFile? {
    guard let renderer, let job = jobs[path], case .success(let file) = renderer.render(job) else { return nil }
    return file
  }

  /// Feeds, calendars, sitemap and robots.txt; computed on demand, they are not needed to show a page.
  public func feedFiles() -> [OutputFile] {
    guard let renderer else { return [] }
    return FeedFiles.files(for: renderer.site, htmlPaths: htmlPaths)
  }

  /// Every path the site has, pages and feeds included.
  public func allPaths() -> [String] {
    htmlPaths + feedFiles().map(\.path) + files.keys.sorted()
  }
}
