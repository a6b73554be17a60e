import Foundation
import Intake

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Writes one submission into the spool folder so that it survives a crash the moment `write`
/// returns: a temporary file in the same folder, written and fsynced, then linked to its final
/// name (never replacing a file), and the folder fsynced so the new name is on disk too.
/// Temporary files start with `.` and end in `.tmp`; only `*.json` files not starting with `.` are records.
public struct SpoolWriter: Sendable {
  public let folder: String

  public static let temporarySuffix = ".tmp"

  public init(folder: String) {
    self.folder = folder
  }

  public enum Failure: Error, CustomStringConvertible {
    case system(String, Int32)

    public var description: String {
      switch self {
      case .system(let step, let code): "\(step): \(String(cString: strerror(code)))"
      }
    }
  }

  /// The record's file name: `<received_at as 20261125T150405>-<id>.json`.
  public static func fileName(for record: SpoolRecord) -> String {
    let compact = record.receivedAt.prefix(19).filter { $0 != "-" && $0 != ":" }
    return "\(compact)-\(record.id).json"
  }

  /// Writes the record and returns its path; throws without leaving a record behind on failure.
  @discardableResult
  public func write(_ record: SpoolRecord) throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    let data = try encoder.encode(record)
    let temporary = folder + "/." + record.id + Self.temporarySuffix
    let final = folder + "/" + Self.fileName(for: record)
    let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
    guard descriptor >= 0 else { throw Failure.system("create \(temporary)", errno) }
    do {
      defer { close(descriptor) }
      try writeAll(data, to: descriptor)
      guard fsync(descriptor) == 0 else { throw Failure.system("fsync \(temporary)", errno) }
    } catch {
      unlink(temporary)
      throw error
    }
    // link() fails rather than replace an existing record.
    guard link(temporary, final) == 0 else {
      let code = errno
      unlink(temporary)
      throw Failure.system("link \(final)", code)
    }
    unlink(temporary)
    try syncFolder()
    return final
  }

  /// True when a file can be created in the folder.
  public func isWritable() -> Bool {
    access(folder, W_OK | X_OK) == 0
  }

  /// Removes temporary files older than `age` seconds: leftovers of a crash, never acknowledged.
  public func removeStaleTemporaryFiles(olderThan age: TimeInterval = 3600) {
    let manager = FileManager.default
    guard let names = try? manager.contentsOfDirectory(atPath: folder) else { return }
    for name in names where name.hasPrefix(".") && name.hasSuffix(Self.temporarySuffix) {
      let path = folder + "/" + name
      guard let modified = (try? manager.attributesOfItem(atPath: path))?[.modificationDate] as? Date,
        Date().timeIntervalSince(modified) > age
      else { continue }
      try? manager.removeItem(atPath: path)
    }
  }

  private func writeAll(_ data: Data, to descriptor: Int32) throws {
    try data.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) in
      guard let base = buffer.baseAddress else { return }
      var offset = 0
      while offset < buffer.count {
        let written = Glibc.write(descriptor, base + offset, buffer.count - offset)
        if written < 0 {
          if errno == EINTR { continue }
          throw Failure.system("write", errno)
        }
        offset += written
      }
    }
  }

  private func syncFolder() throws {
    let descriptor = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    guard descriptor >= 0 else { throw Failure.system("open \(folder)", errno) }
    defer { close(descriptor) }
    guard fsync(descriptor) == 0 else { throw Failure.system("fsync \(folder)", errno) }
  }
}
