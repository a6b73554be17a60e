import Emit
import Render
import Search

/// The staged site of `Build.run`, started by the search-index stage: the index's files are
/// queued to a `BatchWriter` as they are made, so the disk work overlaps the encoding and the
/// pages that follow, which the page stream hands to the same writer. Nothing reaches the output
/// folder before `StagedSite.commit`; a failure is kept for the build to report, and the staging
/// folder is then deleted.
final class IndexStaging {
  let root: String
  let output: String
  let flush: (@Sendable (String) -> Void)?
  /// Whether to keep every file added (for `Build.run(keepingFiles: true)`).
  let keeping: Bool
  private(set) var site: StagedSite?
  /// Writes the queued files into `site`, in the order they were added.
  private(set) var writer: BatchWriter?
  private var failure: (any Error)?
  private(set) var kept: [OutputFile] = []

  init(root: String, output: String, flush: (@Sendable (String) -> Void)?, keeping: Bool) {
    self.root = root
    self.output = output
    self.flush = flush
    self.keeping = keeping
  }

  /// The first failure: making the staging folder, moving a folder, or a queued write.
  var error: (any Error)? { failure ?? writer?.error }

  /// Queues files for the staging folder, which the first call makes; after a failure, nothing.
  func add(_ files: [OutputFile]) {
    guard error == nil else { return }
    if keeping { kept += files }
    do {
      let site = try self.site ?? StagedSite(root: root, output: output, flush: flush)
      self.site = site
      let writer = self.writer ?? BatchWriter(site: site)
      self.writer = writer
      writer.write(files)
    } catch {
      failed(error)
    }
  }

  /// Moves the files added below one folder to another (see `StagedSite.moveFolder`), once every
  /// file queued before has been written.
  func moveFolder(from: String, to: String) {
    guard error == nil else { return }
    if keeping {
      for index in kept.indices { kept[index].path = StagedSite.moved(kept[index].path, from: from, to: to) }
    }
    writer?.waitUntilWritten()
    guard error == nil else { return }
    do {
      try site?.moveFolder(from: from, to: to)
    } catch {
      failed(error)
    }
  }

  /// The search index's way into the staging folder.
  var indexSink: SearchIndexWriter.Sink {
    SearchIndexWriter.Sink(add: add, moveFolder: moveFolder)
  }

  private func failed(_ error: any Error) {
    failure = failure ?? error
    discard()
  }

  /// Stops writing and deletes the staging folder; the previous site stays as it was.
  func discard() {
    writer?.cancel()
    writer = nil
    site?.discard()
    site = nil
  }
}
