import Diagnostics
import Emit
import Foundation
import Load
import Render

/// The CLI build's last two stages as a stream: render a batch of pages on every core, hand it
/// to the writer thread, which writes it while the next batches render, drop it. Peak memory then
/// holds three batches (one rendering, one waiting, one being written), not the ~600 MB (10k
/// entries) to ~7 GB (100k) of the whole site. The files and bytes are those of `Build.render`.
enum PageStream {
  /// Pages per batch: large enough to keep both cores busy, small enough to hold (~20 MB).
  static let batchSize = 1024

  /// The jobs of the batch starting at `start`: `size` of them, but the last `size` jobs go in
  /// quarters. When the last batch is rendered only its writing is left, on a core or so (at 10k
  /// entries a whole batch took ~0.14 s at the end of every build); a quarter of it is written
  /// in a quarter of that time, the rest while it renders.
  static func batchRange(from start: Int, of count: Int, size: Int) -> Range<Int> {
    let size = Swift.max(1, size)
    let taken = count - start <= size ? Swift.max(1, (size + 3) / 4) : size
    return start..<Swift.min(count, start + taken)
  }

  struct Outcome {
    var result: BuildResult
    /// The output as committed, when `recording`.
    var manifest: OutputManifest?
  }

  static func run(
    _ ready: consuming PreparedBuild.Ready, prepared: PreparedBuild, staging: IndexStaging? = nil,
    options: BuildOptions, keepingFiles: Bool, recording: Bool = false, batchSize: Int, clock: StageClock
  ) -> Outcome {
    var diagnostics = prepared.diagnostics
    // Wall and CPU seconds of each stage: the pages' writing overlaps rendering and counts as
    // stage 6 (with the feeds and assets, written beside the first batch); stage 7 is putting the
    // site in place. Stage 5 queues the search index's files to the same writer, which may still
    // be writing them when the first pages render.
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

    // The search index is queued first (by the index stage itself when it streams into
    // `staging`) and dropped before the feeds and sitemap are made: at 100k entries the index is
    // ~250 MB and the feeds ~140 MB (more while they are made), which together were the build's
    // peak. Nothing reaches the output folder before `commit`.
    var staged = staging?.site
    var stagingError = staging?.error
    var keptIndex = staging?.kept ?? []
    // The index stage's writer may still be writing the index; the pages queue behind it.
    var writer = staging?.writer
    if staged == nil && stagingError == nil {
      do {
        staged = try timed(&writeSeconds) {
          let site = try StagedSite(root: options.root, output: options.output, flush: options.flush)
          try site.add(ready.index.files)
          return site
        }
      } catch {
        stagingError = error
      }
      if keepingFiles { keptIndex = ready.index.files }
    }
    let indexPaths = ready.index.paths.map { OutputFile(path: $0, data: Data()) }
    ready.index.files = []
    FreedMemory.release()

    // Paths are known before any page is rendered, so the feeds and the duplicate check need no page.
    var (feeds, fixed) = timed(&renderSeconds) { () -> ([OutputFile], [OutputFile]) in
      let htmlPaths = ready.jobs.map(ready.renderer.path(for:))
      let (feeds, fixed) = (ready.feedFiles(htmlPaths: htmlPaths), ready.fixedFiles)
      // In the order of `otherFiles`, so a duplicate is reported on the same file as by `Build.render`.
      diagnostics += Build.duplicatePaths(
        htmlPaths.map { OutputFile(path: $0, data: Data()) } + feeds + indexPaths + fixed)
      return (feeds, fixed)
    }

    func stopWriting(_ error: (any Error)? = nil) {
      if let error { diagnostics.append(.error(at: .file(options.output), "\(error)")) }
      writer?.cancel()
      writer = nil
      staged?.discard()
      staged = nil
    }
    if diagnostics.hasErrors {
      // Every page is still rendered, to report every error at once; nothing is written.
      stopWriting()
    } else if let stagingError {
      stopWriting(stagingError)
      return Outcome(result: prepared.failed(diagnostics))
    }

    var kept: [OutputFile] = []
    let keptOthers = keepingFiles ? feeds + keptIndex + fixed : []
    var pageCount = 0
    var start = 0
    // Each batch is written on a thread of its own while the next ones render: rendering keeps
    // both cores busy but not all the time, and writing is mostly the kernel creating files. The
    // feeds, calendars, assets and static files are written while the first batch renders.
    if writer == nil { writer = staged.map { BatchWriter(site: $0) } }
    writer?.write(feeds + fixed)
    (feeds, fixed) = ([], [])
    var renderWall = 0.0
    var writeWall = 0.0
    let loopStart = ContinuousClock.now
    let loopCPU = processCPUSeconds()
    while start < ready.jobs.count {
      let batch = Array(ready.jobs[batchRange(from: start, of: ready.jobs.count, size: batchSize)])
      start += batch.count
      let started = ContinuousClock.now
      let rendered = batch.parallelMap(ready.renderer.render)
      renderWall += StageClock.seconds(ContinuousClock.now - started)
      if let error = writer?.error { stopWriting(error) }
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
      writer?.write(files)
      if keepingFiles { kept += files }
    }
    if let (error, seconds) = writer?.finish() {
      writeWall = seconds
      writer = nil
      if let error { stopWriting(error) }
    }
    let loopSeconds = StageClock.seconds(ContinuousClock.now - loopStart)
    renderSeconds.wall += loopSeconds
    renderSeconds.cpu += processCPUSeconds() - loopCPU
    clock.report(
      6,
      "Rendered \(pageCount) pages and wrote them while rendering (rendering \(String(format: "%.2f", renderWall)) s, "
        + "writing \(String(format: "%.2f", writeWall)) s alongside; \(String(format: "%.2f", renderSeconds.cpu)) s CPU)",
      seconds: renderSeconds.wall)

    guard let site = staged, !diagnostics.hasErrors else {
      stopWriting()
      return Outcome(result: prepared.failed(diagnostics))
    }
    do {
      let summary = try timed(&writeSeconds) { () throws -> StagedSite.Summary in
        BuildState.invalidate(root: options.root)
        return try site.commit(recording: recording)
      }
      clock.report(
        7,
        "Wrote \(summary.paths.count) files to \(options.output) (\(summary.reused) unchanged and kept; "
          + (summary.flushSeconds.map { "flushed to the disk in \(String(format: "%.2f", $0)) s; " } ?? "")
          + "\(String(format: "%.2f", writeSeconds.cpu)) s CPU)",
        seconds: writeSeconds.wall)
      kept += keptOthers
      let result = BuildResult(
        diagnostics: diagnostics.sorted(), files: kept, pageCount: pageCount, wrote: true, site: ready.site)
      return Outcome(result: result, manifest: summary.manifest)
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
