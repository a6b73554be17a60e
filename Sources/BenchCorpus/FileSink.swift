#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Plain POSIX file output: create-and-write without a per-file fsync (Foundation's `Data.write`
/// syncs every file on Linux, which would dominate the run for 100k files).
public enum FileSink {
  public struct Failure: Error, CustomStringConvertible {
    public var path: String
    public var message: String
    /// What could not be done: "write" (the default) or "read".
    public var action = "write"
    /// Whether it failed because a folder on the way does not exist (ENOENT).
    var missingFolder = false
    public var description: String { "cannot \(action) '\(path)': \(message)" }
  }

  static func lastError() -> String {
    String(cString: strerror(errno))
  }

  static func write(_ bytes: [UInt8], to path: String) throws(Failure) {
    try write(bytes, repeatedTo: bytes.count, at: path)
  }

  /// Writes `count` bytes made of `bytes` repeated (the last copy cut short); with `count` equal
  /// to `bytes.count`, the bytes once.
  static func write(_ bytes: [UInt8], repeatedTo count: Int, at path: String) throws(Failure) {
    precondition(count == 0 || !bytes.isEmpty, "nothing to repeat")
    let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
    guard descriptor >= 0 else {
      let code = errno
      throw Failure(path: path, message: String(cString: strerror(code)), missingFolder: code == ENOENT)
    }
    defer { close(descriptor) }
    var done = 0
    while done < count {
      // A short write resumes where it stopped in the copy.
      let offset = done % bytes.count
      let written = bytes.withUnsafeBytes { buffer in
        let length = Swift.min(count - done, buffer.count - offset)
        #if canImport(Glibc)
          return Glibc.write(descriptor, buffer.baseAddress.map { $0 + offset }, length)
        #else
          return Darwin.write(descriptor, buffer.baseAddress.map { $0 + offset }, length)
        #endif
      }
      if written < 0 {
        if errno == EINTR { continue }
        throw Failure(path: path, message: lastError())
      }
      done += written
    }
  }

  static func write(_ text: String, to path: String) throws(Failure) {
    try write(Array(text.utf8), to: path)
  }

  /// `mkdir -p`.
  static func makeDirectory(_ path: String) throws(Failure) {
    var prefix = path.hasPrefix("/") ? "/" : ""
    for component in path.split(separator: "/") {
      prefix += component
      if mkdir(prefix, 0o755) != 0 && errno != EEXIST {
        throw Failure(path: prefix, message: lastError())
      }
      prefix += "/"
    }
  }

  enum Kind { case missing, file, directory, symlink }

  static func kind(_ path: String) -> Kind {
    var info = stat()
    guard lstat(path, &info) == 0 else { return .missing }
    switch info.st_mode & S_IFMT {
    case S_IFLNK: return .symlink
    case S_IFDIR: return .directory
    default: return .file
    }
  }

  static func symlink(_ target: String, at path: String) throws(Failure) {
    #if canImport(Glibc)
      let status = Glibc.symlink(target, path)
    #else
      let status = Darwin.symlink(target, path)
    #endif
    guard status == 0 else { throw Failure(path: path, message: lastError()) }
  }

  static func remove(_ path: String) throws(Failure) {
    guard unlink(path) == 0 || errno == ENOENT else { throw Failure(path: path, message: lastError()) }
  }

  /// The names in a folder, without `.` and `..`, in the order the file system lists them.
  static func names(in path: String) throws(Failure) -> [String] {
    guard let directory = opendir(path) else { throw Failure(path: path, message: lastError()) }
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

  /// Removes a folder and everything in it (no symlinks are followed).
  static func removeTree(_ path: String) throws(Failure) {
    switch kind(path) {
    case .missing: return
    case .file, .symlink: try remove(path)
    case .directory:
      for name in try names(in: path) { try removeTree(path + "/" + name) }
      guard rmdir(path) == 0 else { throw Failure(path: path, message: lastError()) }
    }
  }

  /// The absolute form of a path, against the current folder.
  static func absolute(_ path: String) -> String {
    guard !path.hasPrefix("/") else { return path }
    var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
    guard getcwd(&buffer, buffer.count) != nil else { return path }
    let current = String(decoding: buffer.prefix(while: { $0 != 0 }).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    let trimmed = path.hasPrefix("./") ? String(path.dropFirst(2)) : path
    return trimmed == "." ? current : current + "/" + trimmed
  }
}
