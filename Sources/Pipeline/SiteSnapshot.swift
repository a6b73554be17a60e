import Assemble
import Diagnostics
import Feeds
import Foundation
import Render
import Search

/// One generation of the site as the live preview serves it: pages are rendered on request from
/// the assembled site, everything else is ready in memory. Once the search index is complete,
/// each file is byte-identical to what `Build.render` produces for the same inputs.
public struct SiteSnapshot: Sendable {
  /// All diagnostics, sorted; the snapshot has no renderer when one of them is an error.
  public var diagnostics: [Diagnostic]
  public var renderer: Renderer?
  /// HTML paths in the build's order (the sitemap is made from them).
  public var htmlPaths: [String]
  /// Page path → the job that renders it.
  public var jobs: [String: RenderJob]
  /// Theme assets and static content copies by path.
  public var files: [String: OutputFile]
  /// The search index the pages link.
  public var searchIndex: SearchIndexWriter.Index?
  /// The linked index's files, and those of the index before it (for pages still open in a browser).
  public var searchFiles: [String: OutputFile] = [:]
  /// Whether the pages still link the previous generation's search index.
  public var searchIndexPending = false

  public var hasErrors: Bool { diagnostics.hasErrors }

  static func failed(_ diagnostics: [Diagnostic]) -> SiteSnapshot {
    SiteSnapshot(diagnostics: diagnostics.sorted(), renderer: nil, htmlPaths: [], jobs: [:], files: [:])
  }

  /// Renders the page at `path` (`seminars/x/index.html`), or nil when the site has none there.
  public func page(at path: String) -> OutputFile? {
    guard let renderer, let job = jobs[path], case .success(let file) = renderer.render(job) else { return nil }
    return file
  }

  /// An asset, a static file or a search index file.
  public func file(at path: String) -> OutputFile? {
    files[path] ?? searchFiles[path]
  }

  /// Feeds, calendars, sitemap and robots.txt; computed on demand, they are not needed to show a page.
  public func feedFiles() -> [OutputFile] {
    guard let renderer else { return [] }
    return FeedFiles.files(for: renderer.site, htmlPaths: htmlPaths)
  }
}
