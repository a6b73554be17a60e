import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// The few system calls the writer needs, without Foundation's per-file overhead (its
/// `Data.write` fsyncs every file on Linux, `FileManager` stats paths again and again).
public enum PosixFiles {
  static func errorText() -> String { String(cString: strerror(errno)) }

  /// Writes `data` to a new file at `path`, replacing whatever is there, without waiting for the
  /// disk (the build state uses it too).
  public static func replaceFile(_ path: String, data: Data) throws {
    unlink(path)
    try createFile(path, data: data)
  }

  /// Creates a new file holding `data`; fails when something is already there, so a path that
  /// is a hard link to the previous site is never written through.
  /// - Returns: the new file's identity once written (nil if `fstat` failed), which nothing
  ///   after the write changes: closing the file, writing it back to the disk and renaming a
  ///   folder above it leave its inode, size and times as they are.
  @discardableResult
  static func createFile(_ path: String, data: Data) throws -> OutputManifest.Identity? {
    let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
    guard descriptor >= 0 else { throw SiteWriter.Failure.io(path, errorText()) }
    defer { close(descriptor) }
    try data.withUnsafeBytes { buffer in
      var offset = 0
      while offset < buffer.count {
        let written = Glibc.write(descriptor, buffer.baseAddress.map { $0 + offset }, buffer.count - offset)
        if written < 0 {
          if errno == EINTR { continue }
          throw SiteWriter.Failure.io(path, errorText())
        }
        offset += written
      }
    }
    var status = stat()
    return fstat(descriptor, &status) == 0 ? OutputManifest.Identity(status) : nil
  }

  /// Whether the regular file at `path` holds exactly `data` (false when it is missing).
  /// The path with every symbolic link resolved, or nil when it does not exist.
  static func resolved(_ path: String) -> String? {
    guard let pointer = realpath(path, nil) else { return nil }
    defer { free(pointer) }
    return String(cString: pointer)
  }

  static func holds(_ path: String, _ data: Data) -> Bool {
    let descriptor = open(path, O_RDONLY | O_CLOEXEC)
    guard descriptor >= 0 else { return false }
    defer { close(descriptor) }
    var status = stat()
    guard fstat(descriptor, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG, Int(status.st_size) == data.count
    else { return false }
    if data.isEmpty { return true }
    let chunk = 1 << 16
    let buffer = UnsafeMutableRawPointer.allocate(byteCount: chunk, alignment: 16)
    defer { buffer.deallocate() }
    return data.withUnsafeBytes { expected -> Bool in
      guard let base = expected.baseAddress else { return false }
      var offset = 0
      while offset < expected.count {
        let wanted = Swift.min(chunk, expected.count - offset)
        let got = read(descriptor, buffer, wanted)
        if got < 0 && errno == EINTR { continue }
        guard got > 0, memcmp(buffer, base + offset, got) == 0 else { return false }
        offset += got
      }
      return true
    }
  }

  /// `mkdir`, where an existing folder counts as success (another thread may have made it).
  static func makeDirectory(_ path: String) throws {
    if mkdir(path, 0o755) == 0 || errno == EEXIST { return }
    throw SiteWriter.Failure.io(path, errorText())
  }

  static func isDirectory(_ path: String) -> Bool {
    var status = stat()
    return stat(path, &status) == 0 && (status.st_mode & S_IFMT) == S_IFDIR
  }

  static func exists(_ path: String) -> Bool {
    var status = stat()
    return lstat(path, &status) == 0
  }

  /// Names in a folder, without `.` and `..`; empty when it cannot be read.
  static func names(in folder: String) -> [String] {
    guard let directory = opendir(folder) else { return [] }
    defer { closedir(directory) }
    var names: [String] = []
    while let entry = readdir(directory) {
      let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
        String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
      }
      if name != "." && name != ".." { names.append(name) }
    }
    return names
  }

  /// Every file (or link) and folder below `folder`, relative; links are not followed.
  static func tree(_ folder: String) -> (files: [String], folders: [String]) {
    var files: [String] = []
    var folders: [String] = []
    func walk(_ relative: String) {
      guard let directory = opendir(relative.isEmpty ? folder : folder + "/" + relative) else { return }
      defer { closedir(directory) }
      while let entry = readdir(directory) {
        let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
          String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
        }
        if name == "." || name == ".." { continue }
        let path = relative.isEmpty ? name : relative + "/" + name
        var isFolder = entry.pointee.d_type == UInt8(DT_DIR)
        if entry.pointee.d_type == UInt8(DT_UNKNOWN) {
          var status = stat()
          isFolder = lstat(folder + "/" + path, &status) == 0 && (status.st_mode & S_IFMT) == S_IFDIR
        }
        if isFolder {
          folders.append(path)
          walk(path)
        } else {
          files.append(path)
        }
      }
    }
    walk("")
    return (files, folders)
  }

  /// Deletes a tree, its top-level entries in parallel; best effort (what is left is reported).
  @discardableResult
  static func removeTree(_ path: String) -> Bool {
    guard isDirectory(path) else { return unlink(path) == 0 || errno == ENOENT }
    let children = names(in: path)
    DispatchQueue.concurrentPerform(iterations: children.count) { index in
      removeRecursively(path + "/" + children[index])
    }
    return rmdir(path) == 0
  }

  private static func removeRecursively(_ path: String) {
    if unlink(path) == 0 { return }
    guard errno == EISDIR || errno == EPERM else { return }
    for name in names(in: path) { removeRecursively(path + "/" + name) }
    rmdir(path)
  }
}
