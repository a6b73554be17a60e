import Emit
import Render
import Search

/// The staged site of `Build.run`, started by the search-index stage: the index's files are
/// written into it as they are made, and the pages follow. Nothing reaches the output folder
/// before `StagedSite.commit`; a failure is kept for the build to report, and the staging folder
/// is then deleted.
final class IndexStaging {
  let root: String
  let output: String
  let flush: (@Sendable (String) -> Void)?
  /// Whether to keep every file added (for `Build.run(keepingFiles: true)`).
  let keeping: Bool
  private(set) var site: StagedSite?
  private(set) var error: (any Error)?
  private(set) var kept: [OutputFile] = []

  init(root: String, output: String, flush: (@Sendable (String) -> Void)?, keeping: Bool) {
    self.root = root
    self.output = output
    self.flush = flush
    self.keeping = keeping
  }

  /// Writes files into the staging folder, which the first call makes; after a failure, nothing.
  func add(_ files: [OutputFile]) {
    guard error == nil else { return }
    if keeping { kept += files }
    do {
      let site = try self.site ?? StagedSite(root: root, output: output, flush: flush)
      self.site = site
      try site.add(files)
    } catch {
      self.error = error
      discard()
    }
  }

  /// Moves the files added below one folder to another (see `StagedSite.moveFolder`).
  func moveFolder(from: String, to: String) {
    guard error == nil else { return }
    if keeping {
      for index in kept.indices { kept[index].path = StagedSite.moved(kept[index].path, from: from, to: to) }
    }
    do {
      try site?.moveFolder(from: from, to: to)
    } catch {
      self.error = error
      discard()
    }
  }

  /// The search index's way into the staging folder.
  var indexSink: SearchIndexWriter.Sink {
    SearchIndexWriter.Sink(add: add, moveFolder: moveFolder)
  }

  /// Deletes the staging folder; the previous site stays as it was.
  func discard() {
    site?.discard()
    site = nil
  }
}
