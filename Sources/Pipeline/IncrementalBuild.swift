import Assemble
import Decode
import Diagnostics
import Foundation
import Load
import Markdown
import Render
import Schema
import Search

/// What the incremental build keeps between generations: the configuration, the theme, every
/// content file through decode and Markdown, and every page's search analysis.
public struct BuildCache: Sendable {
  var config: (SiteConfig?, [Diagnostic])?
  var theme: (Theme?, [Diagnostic])?
  var themeName: String?
  var content: [String: ContentFile] = [:]
  /// Non-Markdown files under `content/`, relative to the site root.
  var staticFiles: Set<String> = []
  var contentListed = false
  var searchDocuments: [String: (page: Page, document: SearchDocument)] = [:]

  public init() {}
}

/// Rebuilds the site after changes, redoing only the per-file work of the files that changed;
/// the result is the same as `Build.render` on the same inputs.
public enum IncrementalBuild {
  /// - Parameter changed: paths relative to the site root that changed (`content/news/x.md`,
  ///   `kirameki.yaml`, `themes/default/templates/entry.mustache`); nil rescans everything.
  public static func update(_ cache: inout BuildCache, options: BuildOptions, changed: Set<String>?) -> SiteSnapshot {
    let clock = StageClock(log: options.log)
    if changed == nil || changed?.contains(SiteConfig.fileName) == true || cache.config == nil {
      cache.config = ConfigLoader.load(root: options.root, io: options.io)
    }
    refreshContent(&cache, options: options, changed: changed)
    let themeName = cache.config?.0?.theme
    if changed == nil || cache.theme == nil || cache.themeName != themeName
      || changed?.contains(where: { !$0.hasPrefix("content/") && $0 != SiteConfig.fileName }) == true
    {
      cache.theme =
        themeName.map { Theme.load(root: options.root, name: $0, themes: options.themes, io: options.io) } ?? (nil, [])
      cache.themeName = themeName
    }
    clock.done(1, "Loaded \(cache.content.count) content files")

    var diagnostics = cache.config?.1 ?? []
    if cache.content.isEmpty && cache.staticFiles.isEmpty {
      diagnostics.append(
        .error(at: .file("content"), "no content found", hint: "put Markdown files in content/<section>/"))
    }
    var rendered: [(Entry, Document)] = []
    for path in cache.content.keys.sorted() {
      guard let file = cache.content[path] else { continue }
      diagnostics += file.diagnostics
      if let entry = file.entry, let document = file.document, options.includeDrafts || !entry.draft {
        rendered.append((entry, document))
      }
    }
    guard let config = cache.config?.0 else { return .failed(diagnostics) }
    diagnostics += cache.theme?.1 ?? []
    let (site, assembleDiagnostics) = Assembler.assemble(
      rendered, config: config, now: options.now, staticFiles: Array(cache.staticFiles))
    diagnostics += assembleDiagnostics
    clock.done(4, "Assembled \(site.pages.count) pages")
    guard let theme = cache.theme?.0, !diagnostics.hasErrors else { return .failed(diagnostics) }

    let analysed = searchDocuments(for: site.pages, cache: &cache)
    clock.done(5, "Analysed \(site.pages.count) pages for search")
    let index = SearchIndexWriter.write(analysed, now: site.now)
    clock.done(5, "Wrote the search index (\(index.shardCount) shards)")

    let renderer = Renderer(site: site, theme: theme, searchIndex: index.manifestURL)
    let jobs = renderer.jobs()
    let htmlPaths = jobs.map(renderer.path(for:))
    // Render one page of each kind now, so a missing template is reported like a full build does.
    var kindsSeen = Set<String>()
    for job in jobs where kindsSeen.insert(kind(of: job)).inserted {
      if case .failure(let diagnostic) = renderer.render(job) { diagnostics.append(diagnostic) }
    }
    var others = index.files + theme.assets
    others += site.staticFiles.map { OutputFile(path: String($0.dropFirst("content/".count)), copyOf: $0) }
    diagnostics += Build.duplicatePaths(htmlPaths.map { OutputFile(path: $0, data: Data()) } + others)
    guard !diagnostics.hasErrors else { return .failed(diagnostics) }
    clock.done(6, "Prepared \(htmlPaths.count) pages")
    return SiteSnapshot(
      diagnostics: diagnostics.sorted(), renderer: renderer, htmlPaths: htmlPaths,
      jobs: Dictionary(zip(htmlPaths, jobs), uniquingKeysWith: { first, _ in first }),
      files: Dictionary(others.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first }))
  }

  /// Reads the content files that changed (all of them on the first run or when a folder
  /// changed) and runs load, decode and Markdown on those whose bytes differ.
  static func refreshContent(_ cache: inout BuildCache, options: BuildOptions, changed: Set<String>?) {
    let contentPaths = changed?.filter { $0.hasPrefix("content/") } ?? []
    let rescan =
      changed == nil || !cache.contentListed
      || contentPaths.contains { !$0.hasSuffix(".md") && !cache.staticFiles.contains($0) && isFolder(options, $0) }
    var candidates: [String]
    if rescan {
      let listed = ((try? options.io.listFiles(options.root + "/content")) ?? []).map { "content/" + $0 }
      let listedSet = Set(listed)
      cache.staticFiles = Set(listed.filter { !$0.hasSuffix(".md") })
      for path in cache.content.keys where !listedSet.contains(path) { cache.content[path] = nil }
      candidates = listed.filter { $0.hasSuffix(".md") }
      cache.contentListed = true
    } else {
      candidates = []
      for path in contentPaths {
        let exists = options.io.exists(options.root + "/" + path) && !isFolder(options, path)
        if path.hasSuffix(".md") {
          if exists { candidates.append(path) } else { cache.content[path] = nil }
        } else if exists {
          cache.staticFiles.insert(path)
        } else {
          cache.staticFiles.remove(path)
        }
      }
    }
    let previous = cache.content
    let includeDrafts = options.includeDrafts
    let io = options.io
    let root = options.root
    let updates: [(String, ContentFile?)] = candidates.parallelMap { path in
      let data: Data
      do {
        data = try io.read(root + "/" + path)
      } catch {
        return (path, ContentFile.unreadable(path: path, error: error))
      }
      if let old = previous[path], old.data == data { return (path, nil) }
      return (path, ContentFile.process(path: path, data: data, includeDrafts: includeDrafts))
    }
    for case (let path, let file?) in updates { cache.content[path] = file }
  }

  static func isFolder(_ options: BuildOptions, _ path: String) -> Bool {
    var isDirectory: ObjCBool = false
    return FileManager.default.fileExists(atPath: options.root + "/" + path, isDirectory: &isDirectory)
      && isDirectory.boolValue
  }

  /// Each page's search analysis, reused when the page is unchanged.
  static func searchDocuments(for pages: [Page], cache: inout BuildCache) -> [SearchDocument] {
    let previous = cache.searchDocuments
    let documents = pages.parallelMap { page -> SearchDocument in
      if let cached = previous[page.url], cached.page.entry == page.entry, cached.page.document == page.document {
        return cached.document
      }
      return SearchDocument.analyze(page)
    }
    var next: [String: (page: Page, document: SearchDocument)] = [:]
    for (page, document) in zip(pages, documents) { next[page.url] = (page, document) }
    cache.searchDocuments = next
    return documents
  }

  static func kind(of job: RenderJob) -> String {
    switch job {
    case .home: "home"
    case .entry: "entry"
    case .section: "section"
    case .taxonomy: "taxonomy"
    case .term: "term"
    case .calendar: "calendar"
    case .search: "search"
    case .notFound: "notFound"
    }
  }
}
