import Foundation

/// The disk access the loading stage needs, as a value so tests can load a site from memory.
public struct FileIO: Sendable {
  /// Paths of the regular files below a folder, relative to it, sorted; empty when it is missing.
  public var listFiles: @Sendable (_ folder: String) throws -> [String]
  public var read: @Sendable (_ path: String) throws -> Data
  public var exists: @Sendable (_ path: String) -> Bool

  public init(
    listFiles: @escaping @Sendable (String) throws -> [String],
    read: @escaping @Sendable (String) throws -> Data,
    exists: @escaping @Sendable (String) -> Bool
  ) {
    self.listFiles = listFiles
    self.read = read
    self.exists = exists
  }
}

extension FileIO {
  public static let disk = FileIO(
    listFiles: { folder in DirectoryWalk.files(under: folder) },
    read: { path in try FileRead.data(atPath: path) },
    exists: { path in FileManager.default.fileExists(atPath: path) }
  )

  /// Files held in memory, keyed by path: for tests.
  public static func memory(_ files: [String: String]) -> FileIO {
    FileIO(
      listFiles: { folder in
        let prefix = folder.hasSuffix("/") ? folder : folder + "/"
        return files.keys.filter { $0.hasPrefix(prefix) }.map { String($0.dropFirst(prefix.count)) }.sorted()
      },
      read: { path in
        guard let text = files[path] else { throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: path]) }
        return Data(text.utf8)
      },
      exists: { path in
        files[path] != nil || files.keys.contains { $0.hasPrefix(path.hasSuffix("/") ? path : path + "/") }
      }
    )
  }
}
