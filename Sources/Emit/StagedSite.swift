import CSystemCalls
import Foundation
import Render
import Synchronization

#if canImport(Glibc)
  import Glibc
#endif

/// A new site being written, file batch by file batch, and put in place by `commit`. Until then
/// the previous site is untouched: `discard` (or any failure while files are added) leaves it
/// exactly as it was.
///
/// Without a previous site, the files go into a staging tree that one rename makes the output.
/// With one, the previous site is updated in place: a file whose bytes are unchanged is not
/// touched at all; a changed or new file is written to a staging folder beside the output, and
/// `commit` renames each over its old version (every file is replaced whole, never half-written),
/// then deletes the files the new site no longer has. Measured at 10k entries (33k files in 26k
/// folders), keeping the whole-tree swap by hard-linking unchanged files into a staging tree cost
/// 9.2 s even when no byte changed — 6.7 s of it deleting the old tree's 33k links and 26k folders
/// — where updating in place does no file-system work at all for unchanged files.
/// The price: a crash in the middle of `commit` (renames only) leaves some files old and some
/// new; the build state is forgotten before `commit`, so the next build writes everything again.
///
/// Files are not flushed to the disk unless a `flush` is given (`kirameki build --durable`): the
/// kernel writes them out within half a minute, and until then a power cut can leave files of the
/// new site empty (ext4's delayed allocation). The next build notices, as the sizes no longer
/// match the build state. Flushing is the disk's whole write-back inside the build: at 10k
/// entries ~7 % of the build's wall time (5.33 s against 5.75 s, medians of four rounds each).
public final class StagedSite: Sendable {
  /// The folder the site ends up in, absolute.
  public let output: String
  let root: String
  let staging: String
  /// The site being updated; nil when there is none.
  let previous: String?
  /// `previous` with symbolic links resolved: a file is kept only when its path resolves to itself
  /// below this, so nothing reached through a link (a linked folder is replaced by a real one) is
  /// counted as part of the site.
  let previousResolved: String?
  /// Writes the staging folder's files to the disk (`StagedSite.syncFileSystem`); nil: never.
  let flush: (@Sendable (String) -> Void)?
  private let state = Mutex(State())

  struct State {
    /// Folders made in the staging tree (new site) so far.
    var directories: Set<String> = [""]
    var paths: [String] = []
    /// A new site's file identities as written, in the order of `paths` (see `commit`).
    var identities: [OutputManifest.Identity?] = []
    var added: Set<String> = []
    /// Changed files waiting in the staging folder: staged name → path in the site.
    var pending: [(staged: String, path: String)] = []
    var reused = 0
    var finished = false
    /// Whether a background flush of the file system runs now.
    var flushing = false
    /// Bytes added since the last background flush started.
    var unflushed = 0
  }
  /// Entered while a background flush runs.
  private let flushes = DispatchGroup()

  /// What a committed write did.
  public struct Summary: Sendable {
    /// Every file of the site, relative to the output folder (the marker not included).
    public var paths: [String]
    /// How many of them were kept from the previous site because their bytes were the same.
    public var reused: Int
    /// The output as it is right after the commit: every file (the marker included) and folder
    /// (`commit(recording: true)`); nil when not asked for or when a path could not be read.
    public var manifest: OutputManifest?
    /// Seconds `commit` waited for the disk (background flushes still running and its own);
    /// nil when nothing was flushed.
    public var flushSeconds: Double?
  }

  static let markerText = Data("kirameki build output; this folder is replaced on every build\n".utf8)

  /// `syncfs` of the file system holding a folder.
  public static let syncFileSystem: @Sendable (String) -> Void = { _ = kirameki_sync_filesystem($0) }

  /// Starts a staging folder for `output`; refuses an existing folder that kirameki did not write.
  /// - Parameter root: the folder `.copy` sources are relative to.
  /// - Parameter flush: when given, called with the staging folder while files are added (in the
  ///   background, every `flushEvery` bytes) and once in `commit` before anything is renamed into
  ///   place, so that after a power cut no renamed file is empty or torn.
  public init(root: String, output: String, flush: (@Sendable (String) -> Void)? = nil) throws {
    let outputPath = URL(fileURLWithPath: output).standardizedFileURL.path
    self.root = root
    self.flush = flush
    self.output = outputPath
    let parent = (outputPath as NSString).deletingLastPathComponent
    let name = (outputPath as NSString).lastPathComponent
    if PosixFiles.exists(outputPath) {
      let contents = PosixFiles.names(in: outputPath)
      if !contents.isEmpty && !contents.contains(SiteWriter.marker) {
        throw SiteWriter.Failure.notASiteFolder(output)
      }
      guard PosixFiles.isDirectory(outputPath) else { throw SiteWriter.Failure.notASiteFolder(output) }
      previous = outputPath
      previousResolved = PosixFiles.resolved(outputPath)
    } else {
      previous = nil
      previousResolved = nil
    }
    try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
    Self.removeAbandonedStaging(parent: parent, name: name)
    staging = parent + "/.\(name).staging-\(getpid())"
    PosixFiles.removeTree(staging)
    try PosixFiles.makeDirectory(staging)
  }

  /// Writes a batch of files into the staging folder, spread over every core.
  public func add(_ files: [OutputFile]) throws {
    let twice = state.withLock { state in
      files.first { !state.added.insert($0.path).inserted }
    }
    if let twice { throw SiteWriter.Failure.io(twice.path, "the build gives two files for this path") }
    let identities = try addFiles(files)
    let bytes = files.reduce(0) { total, file in
      if case .data(let data) = file.contents { return total + data.count }
      return total
    }
    state.withLock {
      $0.paths += files.map(\.path)
      $0.identities += identities
      $0.unflushed += bytes
    }
    flushInBackground()
  }

  /// Moves every file added below the folder `from` to the folder `to` (both relative, ending in
  /// `/`), as if they had been added there: the search index writes its shards before the
  /// content hash that names their folder is known. A new site's staging tree renames the folder
  /// once; an update only changes where its staged files will go (so none of them is compared
  /// with, and kept from, the previous site).
  public func moveFolder(from: String, to: String) throws {
    guard from.hasSuffix("/"), to.hasSuffix("/"), from != to else {
      throw SiteWriter.Failure.io(from, "cannot move this folder to '\(to)'")
    }
    func moved(_ path: String) -> String { Self.moved(path, from: from, to: to) }
    let clash = state.withLock { state in
      state.added.contains { $0.hasPrefix(to) } || state.directories.contains(String(to.dropLast()))
    }
    if clash { throw SiteWriter.Failure.io(to, "the build gives files for this folder twice") }
    if previous == nil {
      let source = String(from.dropLast())
      let target = String(to.dropLast())
      try makeParent(of: target)
      if rename(staging + "/" + source, staging + "/" + target) != 0 {
        throw SiteWriter.Failure.io(target, PosixFiles.errorText())
      }
    }
    state.withLock { state in
      state.paths = state.paths.map(moved)
      state.added = Set(state.added.map(moved))
      state.pending = state.pending.map { ($0.staged, moved($0.path)) }
      let folder = String(from.dropLast())
      state.directories = Set(
        state.directories.map {
          $0 == folder || $0.hasPrefix(from) ? String(to.dropLast()) + $0.dropFirst(folder.count) : $0
        })
    }
  }

  /// `path` with the folder `from` at its start replaced by `to` (both ending in `/`).
  public static func moved(_ path: String, from: String, to: String) -> String {
    path.hasPrefix(from) ? to + path.dropFirst(from.count) : path
  }

  /// Bytes staged between two background flushes, so their number grows with the output's size,
  /// not with the number of batches: each `syncfs` writes back metadata the writers are still
  /// changing, and flushing after every batch looked costly at 100k entries (one run: 117 s of
  /// system time against 32 s like this; the kernel's share varies a lot between runs).
  static let flushEvery = 256 << 20

  /// Starts writing what is staged so far to the disk on a thread of its own, unless a flush runs
  /// already, so that `commit`'s flush finds little left: the disk works while pages render.
  /// Measured at 10k entries: `commit`'s flush alone took 0.65 s at the end of a 7 s build, and
  /// 0.01–0.2 s after background flushes.
  private func flushInBackground() {
    guard let flush else { return }
    let start = state.withLock { state -> Bool in
      guard !state.flushing, !state.finished, state.unflushed >= Self.flushEvery else { return false }
      state.flushing = true
      state.unflushed = 0
      return true
    }
    guard start else { return }
    flushes.enter()
    // A thread, not a dispatch queue: the flush blocks for a while and must not hold one of the
    // workers that render pages.
    let thread = Thread { [self] in
      flush(staging)
      state.withLock { $0.flushing = false }
      flushes.leave()
    }
    thread.start()
  }

  /// - Returns: the identity of each file as written into a new site's staging tree (nil for
  ///   an update's), in the order of `files`.
  private func addFiles(_ files: [OutputFile]) throws -> [OutputManifest.Identity?] {
    let failure = Mutex<SiteWriter.Failure?>(nil)
    let identities = Mutex<[OutputManifest.Identity?]>(Array(repeating: nil, count: files.count))
    let workers = ProcessInfo.processInfo.activeProcessorCount
    let chunkSize = Swift.max(1, (files.count + workers * 4 - 1) / (workers * 4))
    let chunks = (files.count + chunkSize - 1) / chunkSize
    DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
      var reused = 0
      let range = (chunk * chunkSize)..<Swift.min(files.count, (chunk + 1) * chunkSize)
      var written: [OutputManifest.Identity?] = []
      written.reserveCapacity(range.count)
      for index in range {
        if failure.withLock({ $0 != nil }) { return }
        do {
          switch try place(files[index]) {
          case .kept:
            reused += 1
            written.append(nil)
          case .written(let identity): written.append(identity)
          }
        } catch let error as SiteWriter.Failure {
          failure.withLock { $0 = $0 ?? error }
        } catch {
          failure.withLock { $0 = $0 ?? .io(files[index].path, "\(error)") }
        }
      }
      // Short only when a file failed, and then the batch is not recorded at all.
      if written.count == range.count { identities.withLock { $0.replaceSubrange(range, with: written) } }
      state.withLock { $0.reused += reused }
    }
    if let error = failure.withLock({ $0 }) { throw error }
    return identities.withLock { $0 }
  }

  enum Placed {
    /// The previous site's file is kept as it is.
    case kept
    /// Written to the staging folder; a new site's file with its identity.
    case written(OutputManifest.Identity?)
  }

  /// Stages one file.
  private func place(_ file: OutputFile) throws -> Placed {
    let data: Data
    switch file.contents {
    case .data(let bytes): data = bytes
    case .copy(let source):
      do {
        data = try Data(contentsOf: URL(fileURLWithPath: root + "/" + source))
      } catch {
        throw SiteWriter.Failure.io(file.path, "cannot copy '\(source)': \(error.localizedDescription)")
      }
    }
    guard let previous else {
      try makeParent(of: file.path)
      return .written(try PosixFiles.createFile(staging + "/" + file.path, data: data))
    }
    if let previousResolved, PosixFiles.resolved(previous + "/" + file.path) == previousResolved + "/" + file.path,
      PosixFiles.holds(previous + "/" + file.path, data)
    {
      return .kept
    }
    // Staged under a number: the staging folder stays flat, no folder is made twice.
    let name = state.withLock { state in
      state.pending.append((String(state.pending.count), file.path))
      return String(state.pending.count - 1)
    }
    try PosixFiles.createFile(staging + "/" + name, data: data)
    return .written(nil)
  }

  /// Makes the folders above `path` in the staging tree, each once.
  private func makeParent(of path: String) throws {
    guard let slash = path.lastIndex(of: "/") else { return }
    let folder = String(path[..<slash])
    if state.withLock({ $0.directories.contains(folder) }) { return }
    try makeParent(of: folder)
    try PosixFiles.makeDirectory(staging + "/" + folder)
    state.withLock { _ = $0.directories.insert(folder) }
  }

  /// Puts the new site in place and deletes what the previous one had and the new one has not.
  /// - Parameter recording: also capture the `OutputManifest` of the committed output.
  public func commit(recording: Bool = false) throws -> Summary {
    let marker = try place(OutputFile(path: SiteWriter.marker, data: Self.markerText))
    let markerWritten = ContinuousClock.now
    let (paths, pending, reused, identities) = state.withLock { ($0.paths, $0.pending, $0.reused, $0.identities) }
    /// A new tree's files as they were written; only its folders, whose times changed with every
    /// entry added, are read again.
    func captureNewTree() -> OutputManifest? {
      guard case .written(let markerIdentity) = marker else { return nil }
      return OutputManifest.capture(
        folder: staging, files: paths + [SiteWriter.marker], known: identities + [markerIdentity],
        lastChange: markerWritten)
    }
    let flushStart = ContinuousClock.now
    flushes.wait()  // a background flush still running
    var manifest: OutputManifest?
    var flushSeconds: Double?
    if let flush, !pending.isEmpty || previous == nil {
      defer {
        let waited = (ContinuousClock.now - flushStart).components
        flushSeconds = Double(waited.seconds) + Double(waited.attoseconds) / 1e18
      }
      // One flush of the file system before anything is renamed into place, skipped when no
      // file changed. An fsync per file would wait for a journal commit each, 31k times at 10k.
      if previous == nil && recording {
        // The flush waits for the disk; the new tree's identities are read meanwhile.
        let flushed = DispatchSemaphore(value: 0)
        Thread { [staging] in
          flush(staging)
          flushed.signal()
        }.start()
        manifest = captureNewTree()
        flushed.wait()
      } else {
        flush(staging)
      }
    } else if previous == nil && recording {
      manifest = captureNewTree()
    }
    if let previous {
      try update(previous, with: pending, paths: paths)
      PosixFiles.removeTree(staging)
      if recording { manifest = OutputManifest.capture(folder: previous, files: paths + [SiteWriter.marker]) }
    } else if rename(staging, output) != 0 {
      throw SiteWriter.Failure.io(output, PosixFiles.errorText())
    } else {
      // Renaming the tree into place changes no identity but the top folder's.
      manifest = manifest?.rereading("", in: output)
    }
    return state.withLock { state in
      state.finished = true
      return Summary(paths: paths, reused: reused, manifest: manifest, flushSeconds: flushSeconds)
    }
  }

  /// Renames the staged files over the previous site's and deletes the files it no longer has.
  private func update(_ site: String, with pending: [(staged: String, path: String)], paths: [String]) throws {
    let old = PosixFiles.tree(site)
    var wanted = Set(paths)
    wanted.insert(SiteWriter.marker)
    var folders = Set<String>()
    for path in wanted {
      var folder = Substring(path)
      while let slash = folder.lastIndex(of: "/") {
        folder = folder[..<slash]
        if !folders.insert(String(folder)).inserted { break }
      }
    }
    // Old entries in the way of the new site: a file where a folder goes, or the reverse.
    for file in old.files where folders.contains(file) { unlink(site + "/" + file) }
    for folder in old.folders where wanted.contains(folder) { PosixFiles.removeTree(site + "/" + folder) }
    let existing = Set(old.folders)
    for folder in folders.sorted() where !existing.contains(folder) {
      try PosixFiles.makeDirectory(site + "/" + folder)
    }
    let failure = Mutex<SiteWriter.Failure?>(nil)
    DispatchQueue.concurrentPerform(iterations: pending.count) { index in
      let (staged, path) = pending[index]
      if rename(staging + "/" + staged, site + "/" + path) != 0 {
        let error = SiteWriter.Failure.io(path, PosixFiles.errorText())
        failure.withLock { $0 = $0 ?? error }
      }
    }
    if let error = failure.withLock({ $0 }) { throw error }
    let stale = old.files.filter { !wanted.contains($0) && !folders.contains($0) }
    DispatchQueue.concurrentPerform(iterations: stale.count) { index in
      _ = unlink(site + "/" + stale[index])
    }
    // Deepest first, so a folder emptied of folders goes too.
    for folder in old.folders.sorted(by: >) where !folders.contains(folder) && !wanted.contains(folder) {
      rmdir(site + "/" + folder)
    }
  }

  /// Deletes the staging folder; the previous site stays as it was.
  public func discard() {
    flushes.wait()  // a background flush still running
    let finished = state.withLock { state in
      defer { state.finished = true }
      return state.finished
    }
    if !finished { PosixFiles.removeTree(staging) }
  }

  deinit {
    discard()
  }

  /// Staging folders left by builds that were killed (their process no longer runs).
  static func removeAbandonedStaging(parent: String, name: String) {
    let prefix = ".\(name).staging-"
    for entry in PosixFiles.names(in: parent) where entry.hasPrefix(prefix) {
      let digits = entry.dropFirst(prefix.count).prefix(while: \.isNumber)
      guard let pid = Int32(digits), pid != getpid(), kill(pid, 0) != 0 && errno == ESRCH else { continue }
      PosixFiles.removeTree(parent + "/" + entry)
    }
  }
}
