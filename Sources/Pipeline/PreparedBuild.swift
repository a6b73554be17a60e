import Assemble
import Diagnostics
import Feeds
import Foundation
import Render
import Search

/// A build up to rendering: the diagnostics so far and, when there is no error, what rendering needs.
struct PreparedBuild {
  struct Ready {
    var site: Site
    var theme: Theme
    var index: SearchIndexWriter.Index
    var renderer: Renderer
    /// Every page, in the build's order.
    var jobs: [RenderJob]

    /// Everything but the pages: feeds, calendars and sitemap (made from the pages' paths), the
    /// search index, the theme's assets and the static files of `content/`.
    func otherFiles(htmlPaths: [String]) -> [OutputFile] {
      feedFiles(htmlPaths: htmlPaths) + index.files + fixedFiles
    }

    /// Feeds, calendars, sitemap and robots.txt.
    func feedFiles(htmlPaths: [String]) -> [OutputFile] {
      FeedFiles.files(for: site, htmlPaths: htmlPaths)
    }

    /// The theme's assets and the static files of `content/`.
    var fixedFiles: [OutputFile] {
      theme.assets + site.staticFiles.map { OutputFile(path: String($0.dropFirst("content/".count)), copyOf: $0) }
    }
  }

  var diagnostics: [Diagnostic]
  var site: Site?
  var ready: Ready?
  /// The fingerprint of each Markdown file's bytes as read, by path, when asked for.
  var contentFingerprints: [String: String] = [:]

  func failed(_ all: [Diagnostic]? = nil) -> BuildResult {
    BuildResult(diagnostics: (all ?? diagnostics).sorted(), files: [], pageCount: 0, wrote: false, site: site)
  }
}
