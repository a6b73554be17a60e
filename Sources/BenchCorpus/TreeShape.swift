import Dispatch
import Synchronization

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The folders and file sizes of a written tree (a built site), and a plain writer that makes the
/// same tree again with filler bytes: the cost of putting that many files and bytes on this
/// machine's disk with nothing else to do, which the build benchmark sets beside each build.
public struct TreeShape: Sendable, Equatable {
  /// Relative paths, parents before their children.
  public var folders: [String]
  /// Relative paths and sizes in bytes, sorted by path.
  public var files: [File]

  public struct File: Sendable, Equatable {
    public var path: String
    public var size: Int

    public init(path: String, size: Int) {
      self.path = path
      self.size = size
    }
  }

  public init(folders: [String], files: [File]) {
    self.folders = folders
    self.files = files
  }

  public var bytes: Int { files.reduce(0) { $0 + $1.size } }

  /// Reads the shape of the tree below `root` (symlinks are not followed, nor counted).
  public static func scan(_ root: String) throws(FileSink.Failure) -> TreeShape {
    guard FileSink.kind(root) == .directory else {
      throw FileSink.Failure(path: root, message: "not a folder", action: "read")
    }
    var shape = TreeShape(folders: [], files: [])
    try shape.scan(root, relative: "")
    // A prefix sorts before its extensions, so every parent comes before its children.
    shape.folders.sort()
    shape.files.sort { $0.path < $1.path }
    return shape
  }

  private mutating func scan(_ folder: String, relative: String) throws(FileSink.Failure) {
    let names: [String]
    do throws(FileSink.Failure) {
      names = try FileSink.names(in: folder)
    } catch {
      throw FileSink.Failure(path: error.path, message: error.message, action: "read")
    }
    for name in names {
      let path = folder + "/" + name
      let child = relative.isEmpty ? name : relative + "/" + name
      var info = stat()
      guard lstat(path, &info) == 0 else {
        throw FileSink.Failure(path: path, message: FileSink.lastError(), action: "read")
      }
      switch info.st_mode & S_IFMT {
      case S_IFDIR:
        folders.append(child)
        try scan(path, relative: child)
      case S_IFREG:
        files.append(File(path: child, size: Int(info.st_size)))
      default:
        continue
      }
    }
  }

  /// Makes `root` (which must not exist) and writes the files on `threads` threads, each taking
  /// runs of 256 consecutive files as a site writer does and making folders as it needs them,
  /// then the folders left empty; no file is synced. - Returns: how long it took.
  @discardableResult
  public func write(to root: String, threads: Int) throws(FileSink.Failure) -> Duration {
    guard FileSink.kind(root) == .missing else {
      throw FileSink.Failure(path: root, message: "already exists; the replica goes into a new folder")
    }
    let started = ContinuousClock.now
    try FileSink.makeDirectory(root)
    do throws(FileSink.Failure) {
      try writeFiles(to: root, threads: threads)
      try writeFolders(to: root)
    } catch {
      // The folder was made here and holds nothing else: a failed replica is not left behind.
      try? FileSink.removeTree(root)
      throw error
    }
    return ContinuousClock.now - started
  }

  /// The folders no file went into (the writers made the others on the way).
  private func writeFolders(to root: String) throws(FileSink.Failure) {
    for folder in folders where mkdir(root + "/" + folder, 0o755) != 0 && errno != EEXIST {
      throw FileSink.Failure(path: root + "/" + folder, message: FileSink.lastError())
    }
  }

  /// Writes one file, making its missing folders first when the file system says they are
  /// missing (another writer may be making the same ones: one that exists is fine).
  private func writeFile(_ file: File, filler: [UInt8], root: String) throws(FileSink.Failure) {
    let path = root + "/" + file.path
    do throws(FileSink.Failure) {
      try FileSink.write(filler, repeatedTo: file.size, at: path)
    } catch  where error.missingFolder {
      var parent = root
      for component in file.path.split(separator: "/").dropLast() {
        parent += "/" + component
        if mkdir(parent, 0o755) != 0 && errno != EEXIST {
          throw FileSink.Failure(path: parent, message: FileSink.lastError())
        }
      }
      try FileSink.write(filler, repeatedTo: file.size, at: path)
    }
  }

  private func writeFiles(to root: String, threads: Int) throws(FileSink.Failure) {
    let filler = [UInt8](repeating: UInt8(ascii: "x"), count: Self.fillerSize)
    let run = 256
    let workers = Swift.max(1, threads)
    let failure = Mutex<FileSink.Failure?>(nil)
    DispatchQueue.concurrentPerform(iterations: workers) { worker in
      var start = worker * run
      while start < files.count, failure.withLock({ $0 == nil }) {
        for file in files[start..<Swift.min(files.count, start + run)] {
          do throws(FileSink.Failure) {
            try writeFile(file, filler: filler, root: root)
          } catch {
            failure.withLock { $0 = $0 ?? error }
            return
          }
        }
        start += workers * run
      }
    }
    if let error = failure.withLock({ $0 }) { throw error }
  }

  /// Files larger than this are written in several calls of this size.
  static let fillerSize = 1 << 20
}
