import Assemble
import Decode
import Diagnostics
import Emit
import Feeds
import Foundation
import Load
import Markdown
import Render
import Schema
import Search
import Synchronization

/// What a build produced and found.
public struct BuildResult: Sendable {
  public var diagnostics: [Diagnostic]
  public var files: [OutputFile]
  public var pageCount: Int
  /// Whether the output folder was replaced.
  public var wrote: Bool
  /// The assembled site, when the build got that far (for `kirameki check`).
  public var site: Site? = nil
}

/// The build, top to bottom as the data flow: load → decode → markdown → assemble → search index →
/// render → emit.
public enum Build {
  /// Builds and, when there is no error, replaces the output folder.
  public static func run(_ options: BuildOptions) -> BuildResult {
    var result = render(options)
    guard !result.diagnostics.hasErrors else { return result }
    let clock = StageClock(log: options.log)
    do {
      try SiteWriter.write(result.files, root: options.root, to: options.output)
      result.wrote = true
      clock.done(7, "Wrote \(result.files.count) files to \(options.output)")
    } catch {
      result.diagnostics.append(.error(at: .file(options.output), "\(error)"))
    }
    return result
  }

  /// Every stage but the last: the site's files in memory, with all diagnostics.
  public static func render(_ options: BuildOptions) -> BuildResult {
    let clock = StageClock(log: options.log)
    var diagnostics: [Diagnostic] = []
    var assembled: Site?
    func failed() -> BuildResult {
      BuildResult(diagnostics: diagnostics.sorted(), files: [], pageCount: 0, wrote: false, site: assembled)
    }

    let (config, configDiagnostics) = ConfigLoader.load(root: options.root, io: options.io)
    diagnostics += configDiagnostics
    let loaded = ContentLoader.load(root: options.root, io: options.io)
    diagnostics += loaded.diagnostics
    guard let config else { return failed() }
    let (theme, themeDiagnostics) = Theme.load(
      root: options.root, name: config.theme, themes: options.themes, io: options.io)
    diagnostics += themeDiagnostics
    clock.done(1, "Loaded \(loaded.sources.count) content files")

    let decoded = loaded.sources.parallelMap(EntryDecoder.decode)
    diagnostics += decoded.flatMap(\.1)
    let entries = decoded.compactMap(\.0).filter { options.includeDrafts || !$0.draft }
    clock.done(2, "Checked \(entries.count) entries")

    let documents = entries.parallelMap(EntryMarkdown.document)
    clock.done(3, "Rendered \(documents.count) Markdown bodies")

    let (site, assembleDiagnostics) = Assembler.assemble(
      Array(zip(entries, documents)), config: config, now: options.now, staticFiles: loaded.staticFiles)
    diagnostics += SourceLines.attach(assembleDiagnostics, root: options.root, io: options.io)
    assembled = site
    clock.done(4, "Assembled \(site.pages.count) pages in \(site.sections.count) sections")

    guard let theme, !diagnostics.hasErrors else { return failed() }
    let index = SearchIndexWriter.write(pages: site.pages, now: site.now)
    clock.done(
      5, "Indexed \(site.pages.count) pages for search (\(index.postingCount) postings in \(index.shardCount) shards)")

    let renderer = Renderer(site: site, theme: theme, searchIndex: index.manifestURL)
    let rendered = renderer.jobs().parallelMap(renderer.render)
    var files: [OutputFile] = []
    for outcome in rendered {
      switch outcome {
      case .success(let file): files.append(file)
      case .failure(let diagnostic): diagnostics.append(diagnostic)
      }
    }
    let pageCount = files.count
    files += FeedFiles.files(for: site, htmlPaths: files.map(\.path))
    files += index.files
    files += theme.assets
    files += site.staticFiles.map { OutputFile(path: String($0.dropFirst("content/".count)), copyOf: $0) }
    diagnostics += duplicatePaths(files)
    clock.done(6, "Rendered \(pageCount) pages")
    guard !diagnostics.hasErrors else { return failed() }
    return BuildResult(
      diagnostics: diagnostics.sorted(), files: files, pageCount: pageCount, wrote: false, site: site)
  }

  static func duplicatePaths(_ files: [OutputFile]) -> [Diagnostic] {
    var seen = Set<String>()
    var diagnostics: [Diagnostic] = []
    for file in files where !seen.insert(file.path).inserted {
      let source: String
      if case .copy(let from) = file.contents { source = from } else { source = file.path }
      diagnostics.append(
        .error(at: .file(source), "two things would be written to '\(file.path)'", hint: "rename one of them"))
    }
    return diagnostics
  }
}

/// Prints `[3/7] Rendered 1,024 Markdown bodies in 0.41 s`.
final class StageClock: Sendable {
  private let log: @Sendable (String) -> Void
  private let started = Mutex(ContinuousClock.now)

  init(log: @escaping @Sendable (String) -> Void) {
    self.log = log
  }

  func done(_ stage: Int, _ message: String) {
    let now = ContinuousClock.now
    let elapsed = started.withLock { start in
      defer { start = now }
      return now - start
    }
    let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    log("[\(stage)/7] \(message) in \(String(format: "%.2f", seconds)) s")
  }
}
