import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Creates a file that must not exist yet: the bytes go to a temporary file in the same folder,
/// are synced, and are then hard-linked to the final name, which fails if that name exists. So a
/// reader never sees half a file and an existing file is never replaced.
enum NoOverwriteFile {
  enum Outcome: Equatable {
    case created
    case exists
  }

  static func create(_ path: String, contents: Data) throws -> Outcome {
    let folder = (path as NSString).deletingLastPathComponent
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    let temporary = (folder as NSString).appendingPathComponent(".intake-\(UUID().uuidString).tmp")
    let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL, 0o644)
    guard fd >= 0 else { throw POSIXError(errno, path: temporary) }
    defer { unlink(temporary) }
    let written = contents.withUnsafeBytes { buffer -> Bool in
      var offset = 0
      while offset < buffer.count {
        let result = write(fd, buffer.baseAddress.map { $0 + offset }, buffer.count - offset)
        guard result > 0 else { return false }
        offset += result
      }
      return true
    }
    let synced = fsync(fd) == 0
    close(fd)
    guard written, synced else { throw POSIXError(errno, path: temporary) }
    if link(temporary, path) != 0 {
      if errno == EEXIST { return .exists }
      throw POSIXError(errno, path: path)
    }
    return .created
  }
}

struct POSIXError: Error, CustomStringConvertible {
  var code: Int32
  var path: String

  init(_ code: Int32, path: String) {
    self.code = code
    self.path = path
  }

  var description: String { "\(path): \(String(cString: strerror(code)))" }
}
