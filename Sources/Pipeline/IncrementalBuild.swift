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
/// content file through decode and Markdown, and the last assembled site.
public struct BuildCache: Sendable {
  var config: (SiteConfig?, [Diagnostic])?
  var theme: (Theme?, [Diagnostic])?
  var themeName: String?
  var content: [String: ContentFile] = [:]
  /// Non-Markdown files under `content/`, relative to the site root.
  var staticFiles: Set<String> = []
  var contentListed = false
  /// The last good snapshot, its assemble diagnostics and each page's index by URL.
  var last: (snapshot: SiteSnapshot, assembleDiagnostics: [Diagnostic], pageByURL: [String: Int])?

  public init() {}
}

/// Each page's search analysis, reused while the page is unchanged.
public struct SearchCache: Sendable {
  var documents: [String: (page: Page, document: SearchDocument)] = [:]

  public init() {}
}

/// Rebuilds the site after changes, redoing only the per-file work of the files that changed.
/// `update` followed by `completeSearchIndex` gives the same files as `Build.render`.
public enum IncrementalBuild {
  /// - Parameter changed: paths relative to the site root that changed (`content/news/x.md`,
  ///   `kirameki.yaml`, `themes/default/templates/entry.mustache`); nil rescans everything.
  /// - Returns: the new site; while `searchIndexPending`, it still links the previous search index.
  public static func update(
    _ cache: inout BuildCache, search: inout SearchCache, options: BuildOptions, changed: Set<String>?
  ) -> SiteSnapshot {
    let snapshot = updateKeepingSearchIndex(&cache, options: options, changed: changed)
    guard snapshot.searchIndexPending else { return snapshot }
    return completeSearchIndex(snapshot, cache: &search, log: options.log)
  }

  /// Like `update`, but when there is a previous search index the new site links it, and
  /// `completeSearchIndex` must follow to make the output match a full build: the page an editor
  /// is looking at is ready without waiting for the index.
  public static func updateKeepingSearchIndex(
    _ cache: inout BuildCache, options: BuildOptions, changed: Set<String>?
  ) -> SiteSnapshot {
    let clock = StageClock(log: options.log)
    let configChanged = changed == nil || changed?.contains(SiteConfig.fileName) == true || cache.config == nil
    if configChanged {
      cache.config = ConfigLoader.load(root: options.root, io: options.io)
    }
    let contentChange = refreshContent(&cache, options: options, changed: changed)
    let themeName = cache.config?.0?.theme
    let themeChanged =
      changed == nil || cache.theme == nil || cache.themeName != themeName
      || changed?.contains(where: { !$0.hasPrefix("content/") && $0 != SiteConfig.fileName }) == true
    if themeChanged {
      cache.theme =
        themeName.map { Theme.load(root: options.root, name: $0, themes: options.themes, io: options.io) } ?? (nil, [])
      cache.themeName = themeName
    }
    clock.done(1, "Loaded \(contentChange.reprocessed.count) changed content files of \(cache.content.count)")

    var diagnostics = cache.config?.1 ?? []
    if cache.content.isEmpty && cache.staticFiles.isEmpty {
      diagnostics.append(
        .error(at: .file("content"), "no content found", hint: "put Markdown files in content/<section>/"))
    }
    for file in cache.content.values { diagnostics += file.diagnostics }
    guard let config = cache.config?.0 else { return .failed(diagnostics) }
    diagnostics += cache.theme?.1 ?? []
    guard let theme = cache.theme?.0, !diagnostics.hasErrors else { return .failed(diagnostics) }

    if !configChanged && !themeChanged && !contentChange.structural, let last = cache.last,
      let site = patch(last.snapshot, pageByURL: last.pageByURL, with: contentChange.reprocessed, cache: cache)
    {
      diagnostics += last.assembleDiagnostics
      clock.done(4, "Updated \(contentChange.reprocessed.count) pages in place")
      var snapshot = last.snapshot
      snapshot.diagnostics = diagnostics.sorted()
      snapshot.renderer = Renderer(site: site, theme: theme, searchIndex: last.snapshot.searchIndex?.manifestURL)
      snapshot.searchIndexPending = true
      cache.last = (snapshot, last.assembleDiagnostics, last.pageByURL)
      return snapshot
    }

    var rendered: [(Entry, Document)] = []
    for path in cache.content.keys.sorted() {
      guard let file = cache.content[path] else { continue }
      if let entry = file.entry, let document = file.document, options.includeDrafts || !entry.draft {
        rendered.append((entry, document))
      }
    }
    let (site, assembleDiagnostics) = Assembler.assemble(
      rendered, config: config, now: options.now, staticFiles: Array(cache.staticFiles))
    diagnostics += assembleDiagnostics
    clock.done(4, "Assembled \(site.pages.count) pages")
    guard !diagnostics.hasErrors else { return .failed(diagnostics) }

    let previousIndex = cache.last?.snapshot.searchIndex
    // The jobs depend on whether there is an index, not on its contents.
    let renderer = Renderer(site: site, theme: theme, searchIndex: previousIndex?.manifestURL ?? "/")
    let jobs = renderer.jobs()
    let htmlPaths = jobs.map(renderer.path(for:))
    // Render one page of each kind now, so a missing template is reported like a full build does.
    var kindsSeen = Set<String>()
    for job in jobs where kindsSeen.insert(kind(of: job)).inserted {
      if case .failure(let diagnostic) = renderer.render(job) { diagnostics.append(diagnostic) }
    }
    var others = theme.assets
    others += site.staticFiles.map { OutputFile(path: String($0.dropFirst("content/".count)), copyOf: $0) }
    let indexFiles = previousIndex?.files ?? []
    diagnostics += Build.duplicatePaths(htmlPaths.map { OutputFile(path: $0, data: Data()) } + others + indexFiles)
    guard !diagnostics.hasErrors else { return .failed(diagnostics) }
    clock.done(6, "Prepared \(htmlPaths.count) pages")
    var snapshot = SiteSnapshot(
      diagnostics: diagnostics.sorted(), renderer: renderer, htmlPaths: htmlPaths,
      jobs: Dictionary(zip(htmlPaths, jobs), uniquingKeysWith: { first, _ in first }),
      files: Dictionary(others.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first }))
    snapshot.searchIndex = previousIndex
    snapshot.searchFiles = cache.last?.snapshot.searchFiles ?? [:]
    snapshot.searchIndexPending = true
    if previousIndex != nil {
      snapshot.renderer = Renderer(site: site, theme: theme, searchIndex: previousIndex?.manifestURL)
    }
    var pageByURL: [String: Int] = [:]
    for (index, page) in site.pages.enumerated() { pageByURL[page.url] = index }
    cache.last = (snapshot, assembleDiagnostics, pageByURL)
    return snapshot
  }

  /// The site with the search index written for its pages, and every page linking it.
  public static func completeSearchIndex(
    _ snapshot: SiteSnapshot, cache: inout SearchCache, log: @escaping @Sendable (String) -> Void = { _ in }
  ) -> SiteSnapshot {
    guard let renderer = snapshot.renderer else { return snapshot }
    let clock = StageClock(log: log)
    let site = renderer.site
    let analysed = searchDocuments(for: site.pages, cache: &cache)
    let index = SearchIndexWriter.write(analysed, now: site.now)
    clock.done(5, "Indexed \(site.pages.count) pages for search")
    var complete = snapshot
    complete.renderer = Renderer(site: site, theme: renderer.theme, searchIndex: index.manifestURL)
    var files = Dictionary((snapshot.searchIndex?.files ?? []).map { ($0.path, $0) }, uniquingKeysWith: { a, _ in a })
    for file in index.files { files[file.path] = file }
    complete.searchFiles = files
    complete.searchIndex = index
    complete.searchIndexPending = false
    return complete
  }

  /// Makes a written search index the one the next updates link until their own is written.
  public static func adopt(_ complete: SiteSnapshot, into cache: inout BuildCache) {
    guard !complete.searchIndexPending, let index = complete.searchIndex, var last = cache.last else { return }
    last.snapshot.searchIndex = index
    last.snapshot.searchFiles = complete.searchFiles
    cache.last = last
  }

  /// The last site with the reprocessed entries swapped in, when nothing assemble looks at
  /// changed: the same front matter and the same summary (the body's first text, which related
  /// entries compare); nil when the site has to be assembled again.
  static func patch(_ last: SiteSnapshot, pageByURL: [String: Int], with paths: [String], cache: BuildCache) -> Site? {
    guard var site = last.renderer?.site else { return nil }
    for path in paths {
      guard let file = cache.content[path], let entry = file.entry, let document = file.document else { return nil }
      let url = Page.url(section: entry.type.section, id: entry.id, language: entry.language)
      guard let index = pageByURL[url], site.pages[index].entry.path == path else { return nil }
      let old = site.pages[index]
      var sameFrontMatter = entry
      sameFrontMatter.body = old.entry.body
      guard sameFrontMatter == old.entry else { return nil }
      let updated = Page(entry: entry, document: document, url: old.url, translations: old.translations)
      guard updated.summary == old.summary else { return nil }
      site.pages[index] = updated
    }
    return site
  }

  /// Reads the content files that changed (all of them on the first run or when a folder
  /// changed) and runs load, decode and Markdown on those whose bytes differ.
  /// - Returns: the files processed again, and whether files appeared or disappeared.
  static func refreshContent(_ cache: inout BuildCache, options: BuildOptions, changed: Set<String>?) -> (
    reprocessed: [String], structural: Bool
  ) {
    let contentPaths = changed?.filter { $0.hasPrefix("content/") } ?? []
    func known(_ path: String) -> Bool { cache.content[path] != nil || cache.staticFiles.contains(path) }
    let unknownFolder = contentPaths.contains { !known($0) && !isFile(options, $0) }
    var structural = changed == nil || !cache.contentListed || unknownFolder
    var candidates: [String] = []
    if structural {
      let listed = ((try? options.io.listFiles(options.root + "/content")) ?? []).map { "content/" + $0 }
      let listedSet = Set(listed)
      cache.staticFiles = Set(listed.filter { !$0.hasSuffix(".md") })
      for path in cache.content.keys where !listedSet.contains(path) { cache.content[path] = nil }
      candidates = listed.filter { $0.hasSuffix(".md") }
      cache.contentListed = true
    } else {
      for path in contentPaths {
        let exists = isFile(options, path)
        if exists != known(path) { structural = true }
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
    var reprocessed: [String] = []
    for case (let path, let file?) in updates {
      if previous[path] == nil { structural = true }
      cache.content[path] = file
      reprocessed.append(path)
    }
    return (reprocessed, structural)
  }

  static func isFile(_ options: BuildOptions, _ path: String) -> Bool {
    var isDirectory: ObjCBool = false
    return FileManager.default.fileExists(atPath: options.root + "/" + path, isDirectory: &isDirectory)
      && !isDirectory.boolValue
  }

  /// Each page's search analysis, reused when the page is unchanged.
  static func searchDocuments(for pages: [Page], cache: inout SearchCache) -> [SearchDocument] {
    let previous = cache.documents
    let documents = pages.parallelMap { page -> SearchDocument in
      if let cached = previous[page.url], cached.page.entry == page.entry, cached.page.document == page.document {
        return cached.document
      }
      return SearchDocument.analyze(page)
    }
    var next: [String: (page: Page, document: SearchDocument)] = [:]
    for (page, document) in zip(pages, documents) { next[page.url] = (page, document) }
    cache.documents = next
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
    case .forms, .form: "form"
    case .notFound: "notFound"
    }
  }
}
