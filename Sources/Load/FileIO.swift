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
    listFiles: { folder in
      let manager = FileManager.default
      var isDirectory: ObjCBool = false
      guard manager.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
        return []
      }
      guard let enumerator = manager.enumerator(atPath: folder) else { return [] }
      var files: [String] = []
      while let relative = enumerator.nextObject() as? String {
        let name = (relative as NSString).lastPathComponent
        if name.hasPrefix(".") {
          if (enumerator.fileAttributes?[.type] as? FileAttributeType) == .typeDirectory {
            enumerator.skipDescendants()
          }
          continue
        }
        var dir: ObjCBool = false
        if manager.fileExists(atPath: folder + "/" + relative, isDirectory: &dir), !dir.boolValue {
          files.append(relative)
        }
      }
      return files.sorted()
    },
    read: { path in try Data(contentsOf: URL(fileURLWithPath: path)) },
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
