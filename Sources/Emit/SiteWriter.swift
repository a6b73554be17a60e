import CAtomicSwap
import Foundation
import Render

#if canImport(Glibc)
  import Glibc
#endif

/// The emitting stage: writes the built site into a staging folder beside the output folder and
/// swaps it in with one atomic rename, so the output is never half-written and a failed build
/// leaves the previous site as it was.
public enum SiteWriter {
  public enum Failure: Error, CustomStringConvertible {
    case notASiteFolder(String)
    case io(String, String)

    public var description: String {
      switch self {
      case .notASiteFolder(let path):
        "refusing to replace '\(path)': it exists, is not empty and was not written by kirameki (no \(SiteWriter.marker))"
      case .io(let path, let message):
        "cannot write '\(path)': \(message)"
      }
    }
  }

  /// Marks a folder as kirameki's output, so a mistaken `--out` never deletes other files.
  public static let marker = ".kirameki-site"

  /// Writes `files` (and copies of the static files they name, relative to `root`) to `output`.
  public static func write(_ files: [OutputFile], root: String, to output: String) throws {
    let manager = FileManager.default
    let outputURL = URL(fileURLWithPath: output).standardizedFileURL
    let exists = manager.fileExists(atPath: outputURL.path)
    if exists {
      let contents = (try? manager.contentsOfDirectory(atPath: outputURL.path)) ?? []
      if !contents.isEmpty && !contents.contains(marker) {
        throw Failure.notASiteFolder(output)
      }
    }
    let parent = outputURL.deletingLastPathComponent()
    let staging = parent.appendingPathComponent(".\(outputURL.lastPathComponent).staging-\(getpid())")
    try? manager.removeItem(at: staging)
    do {
      try manager.createDirectory(at: staging, withIntermediateDirectories: true)
      try write(files, root: root, into: staging)
      try writeFile(
        Data("kirameki build output; this folder is replaced on every build\n".utf8),
        to: staging.appendingPathComponent(marker).path)
      _ = kirameki_sync_filesystem(staging.path)
    } catch {
      try? manager.removeItem(at: staging)
      throw error
    }
    if exists {
      if kirameki_exchange_paths(staging.path, outputURL.path) == 0 {
        try? manager.removeItem(at: staging)
        return
      }
      // No atomic exchange here: move the old site aside, then the new one in.
      let old = parent.appendingPathComponent(".\(outputURL.lastPathComponent).old-\(getpid())")
      try? manager.removeItem(at: old)
      try manager.moveItem(at: outputURL, to: old)
      try manager.moveItem(at: staging, to: outputURL)
      try? manager.removeItem(at: old)
    } else {
      try manager.moveItem(at: staging, to: outputURL)
    }
  }

  static func write(_ files: [OutputFile], root: String, into folder: URL) throws {
    let manager = FileManager.default
    var made = Set<String>()
    for file in files.sorted(by: { $0.path < $1.path }) {
      let target = folder.appendingPathComponent(file.path)
      let directory = target.deletingLastPathComponent()
      if made.insert(directory.path).inserted {
        try manager.createDirectory(at: directory, withIntermediateDirectories: true)
      }
      do {
        switch file.contents {
        case .data(let data):
          try writeFile(data, to: target.path)
        case .copy(let source):
          try manager.copyItem(atPath: root + "/" + source, toPath: target.path)
        }
      } catch {
        throw Failure.io(file.path, error.localizedDescription)
      }
    }
  }

  /// Plain create-and-write. Foundation's `Data.write` fsyncs every file on Linux; the staged
  /// folder is flushed once with `syncfs` before the swap instead.
  static func writeFile(_ data: Data, to path: String) throws {
    let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
    guard descriptor >= 0 else { throw Failure.io(path, String(cString: strerror(errno))) }
    defer { close(descriptor) }
    try data.withUnsafeBytes { buffer in
      var offset = 0
      while offset < buffer.count {
        let written = Glibc.write(descriptor, buffer.baseAddress.map { $0 + offset }, buffer.count - offset)
        if written < 0 {
          if errno == EINTR { continue }
          throw Failure.io(path, String(cString: strerror(errno)))
        }
        offset += written
      }
    }
  }
}
