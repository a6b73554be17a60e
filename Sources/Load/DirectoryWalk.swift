#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Lists a folder tree with `opendir`/`readdir`, whose entries carry their type, so most files
/// need no extra `stat`. Same result as walking with `FileManager`: regular files (and symlinks to
/// them) below `folder`, relative to it, skipping names that start with "." and not descending
/// into symlinked folders.
enum DirectoryWalk {
  static func files(under folder: String) -> [String] {
    guard isDirectory(folder) else { return [] }
    var files: [String] = []
    walk(folder, relative: "", into: &files)
    return files.sorted()
  }

  private static func walk(_ path: String, relative: String, into files: inout [String]) {
    guard let directory = opendir(path) else { return }
    defer { closedir(directory) }
    while let entry = readdir(directory) {
      let name = withUnsafePointer(to: &entry.pointee.d_name) {
        $0.withMemoryRebound(to: CChar.self, capacity: Int(NAME_MAX) + 1) { String(cString: $0) }
      }
      guard !name.hasPrefix(".") else { continue }
      let child = path + "/" + name
      let childRelative = relative.isEmpty ? name : relative + "/" + name
      switch Int32(entry.pointee.d_type) {
      case Int32(DT_DIR):
        walk(child, relative: childRelative, into: &files)
      case Int32(DT_REG):
        files.append(childRelative)
      case Int32(DT_LNK):
        // A symlink counts by what it points at, but a linked folder is not entered.
        if exists(child), !isDirectory(child) { files.append(childRelative) }
      default:
        // DT_UNKNOWN on some file systems: ask.
        var info = stat()
        guard lstat(child, &info) == 0 else { continue }
        if (info.st_mode & S_IFMT) == S_IFDIR {
          walk(child, relative: childRelative, into: &files)
        } else if (info.st_mode & S_IFMT) == S_IFLNK {
          if exists(child), !isDirectory(child) { files.append(childRelative) }
        } else {
          files.append(childRelative)
        }
      }
    }
  }

  private static func exists(_ path: String) -> Bool {
    var info = stat()
    return stat(path, &info) == 0
  }

  static func isDirectory(_ path: String) -> Bool {
    var info = stat()
    return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
  }
}
