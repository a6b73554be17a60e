import Diagnostics
import Emit
import Foundation
import Render

/// The CLI build's last two stages, taking turns: render a batch of pages on every core, hand it
/// to the writer, drop it, render the next. Peak memory then holds one batch, not the ~600 MB
/// (10k entries) to ~7 GB (100k) of the whole site. The files and bytes are those of `Build.render`.
enum PageStream {
  /// Pages per batch: large enough to keep both cores busy, small enough to hold (~20 MB).
  static let batchSize = 1024

  struct Outcome {
    var result: BuildResult
    /// Every file written, relative to the output folder.
    var writtenPaths: [String] = []
  }

  static func run(
    _ ready: consuming PreparedBuild.Ready, prepared: PreparedBuild, options: BuildOptions, keepingFiles: Bool,
    batchSize: Int, clock: StageClock
  ) -> Outcome {
    var diagnostics = prepared.diagnostics
    // Wall and CPU seconds of each stage; rendering and writing take turns, so the process's CPU
    // time while one of them runs is that stage's.
    var renderSeconds = (wall: 0.0, cpu: 0.0)
    var writeSeconds = (wall: 0.0, cpu: 0.0)
    func timed<T>(_ seconds: inout (wall: Double, cpu: Double), _ work: () throws -> T) rethrows -> T {
      let start = ContinuousClock.now
      let startCPU = processCPUSeconds()
      defer {
        seconds.wall += StageClock.seconds(ContinuousClock.now - start)
        seconds.cpu += processCPUSeconds() - startCPU
      }
      return try work()
    }

    // Paths are known before any page is rendered, so the feeds and the duplicate check need no page.
    var others = timed(&renderSeconds) { () -> [OutputFile] in
      let htmlPaths = ready.jobs.map(ready.renderer.path(for:))
      let others = ready.otherFiles(htmlPaths: htmlPaths)
      diagnostics += Build.duplicatePaths(htmlPaths.map { OutputFile(path: $0, data: Data()) } + others)
      return others
    }
    // The search index, feeds and sitemap are written first and dropped: at 100k entries they
    // are ~350 MB that would otherwise stay in memory while every page renders.
    ready.index.files = []

    var staged: StagedSite?
    if !diagnostics.hasErrors {
      do {
        staged = try timed(&writeSeconds) {
          let site = try StagedSite(root: options.root, output: options.output)
          try site.add(others)
          return site
        }
      } catch {
        diagnostics.append(.error(at: .file(options.output), "\(error)"))
        return Outcome(result: prepared.failed(diagnostics))
      }
    }
    func stopWriting(_ error: (any Error)? = nil) {
      if let error { diagnostics.append(.error(at: .file(options.output), "\(error)")) }
      staged?.discard()
      staged = nil
    }

    var kept: [OutputFile] = []
    let keptOthers = keepingFiles ? others : []
    others = []
    var pageCount = 0
    var start = 0
    while start < ready.jobs.count {
      let batch = Array(ready.jobs[start..<min(ready.jobs.count, start + Swift.max(1, batchSize))])
      start += batch.count
      let rendered = timed(&renderSeconds) { batch.parallelMap(ready.renderer.render) }
      var files: [OutputFile] = []
      files.reserveCapacity(rendered.count)
      for outcome in rendered {
        switch outcome {
        case .success(let file): files.append(file)
        case .failure(let diagnostic): diagnostics.append(diagnostic)
        }
      }
      pageCount += files.count
      // After the first failure the rest is still rendered, to report every template error at once.
      if diagnostics.hasErrors { stopWriting() }
      if let site = staged {
        do { try timed(&writeSeconds) { try site.add(files) } } catch { stopWriting(error) }
      }
      if keepingFiles { kept += files }
    }
    clock.report(
      6, "Rendered \(pageCount) pages (\(String(format: "%.2f", renderSeconds.cpu)) s CPU)", seconds: renderSeconds.wall
    )

    guard let site = staged, !diagnostics.hasErrors else {
      stopWriting()
      return Outcome(result: prepared.failed(diagnostics))
    }
    do {
      let summary = try timed(&writeSeconds) { () throws -> StagedSite.Summary in
        BuildState.invalidate(root: options.root)
        return try site.commit()
      }
      clock.report(
        7,
        "Wrote \(summary.paths.count) files to \(options.output) (\(summary.reused) unchanged and kept; "
          + "\(String(format: "%.2f", writeSeconds.cpu)) s CPU)",
        seconds: writeSeconds.wall)
      kept += keptOthers
      let result = BuildResult(
        diagnostics: diagnostics.sorted(), files: kept, pageCount: pageCount, wrote: true, site: ready.site)
      return Outcome(result: result, writtenPaths: summary.paths)
    } catch {
      stopWriting(error)
      return Outcome(result: prepared.failed(diagnostics))
    }
  }
}

/// User and system time of the whole process so far; while only the writer works, its cost.
func processCPUSeconds() -> Double {
  var usage = rusage()
  guard getrusage(RUSAGE_SELF.rawValue, &usage) == 0 else { return 0 }
  return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
    + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
}
