import Crypto
import Foundation
import Load

#if canImport(Glibc)
  import Glibc
#endif

/// One digest of everything a build's output depends on: the bytes of every file under
/// `content/`, the themes folder and the site's own `templates/` and `assets/`, `kirameki.yaml`,
/// the options (including `--now`) and the running binary. Equal digests mean the build would
/// write the same site. Contents are hashed, not trusted by size and modification time, which an
/// editor or `git checkout` can leave unchanged while the bytes differ.
enum InputFingerprint {
  /// Bump when what the digest covers changes.
  static let format = "kirameki-inputs 1"

  static func compute(_ options: BuildOptions) -> String {
    Pending(options, leaving: { _ in false }).finish(reading: [:])
  }

  /// A digest begun before the build reads its inputs: every file is listed and hashed now but
  /// the ones `leaving` names, whose bytes the build hashes as it reads them (the content's
  /// Markdown, given to `finish`). Hashing a file before it is read, or exactly the bytes read,
  /// never records an input the output was not built from.
  struct Pending {
    private let header: String
    private let labels: [String]
    private let paths: [String]
    /// The line of each file, nil for those left to `finish`.
    private let lines: [String?]

    init(_ options: BuildOptions, leaving: (_ label: String) -> Bool) {
      let root = absolute(options.root)
      let themes = options.themes.map { $0.hasPrefix("/") ? $0 : root + "/" + $0 } ?? root + "/themes"
      var files: [(label: String, path: String)] = [(SiteConfig.fileName, root + "/" + SiteConfig.fileName)]
      for (label, folder) in [
        ("content", root + "/content"), ("templates", root + "/templates"), ("assets", root + "/assets"),
        ("themes", themes),
      ] {
        files += InputFiles.list(folder).map { (label + "/" + $0, folder + "/" + $0) }
      }
      labels = files.map(\.label)
      paths = files.map(\.path)
      let hashed = files.filter { !leaving($0.label) }
      let hashedLines = hashed.parallelMap { file in Self.line(file.label, digest(ofFileAt: file.path)) }
      var lines = [String?](repeating: nil, count: files.count)
      var next = hashedLines.makeIterator()
      for index in files.indices where !leaving(files[index].label) { lines[index] = next.next() }
      self.lines = lines
      header =
        "\(format)\n" + "root\t\(root)\noutput\t\(absolute(options.output))\nthemes\t\(themes)\n"
        + "drafts\t\(options.includeDrafts)\nnow\t\(options.now)\nbinary\t\(binaryIdentity())\n"
    }

    /// The digest, with the files left to the build taken from `read` (fingerprints by label, of
    /// the bytes it read); one it did not read is read now: the output does not depend on it.
    func finish(reading read: [String: String]) -> String {
      var hasher = SHA256()
      hasher.update(data: Data(header.utf8))
      for index in labels.indices {
        let text =
          lines[index]
          ?? Self.line(labels[index], read[labels[index]] ?? InputFingerprint.digest(ofFileAt: paths[index]))
        hasher.update(data: Data(text.utf8))
      }
      return hex(hasher.finalize())
    }

    private static func line(_ label: String, _ digest: String) -> String { "\(label)\t\(digest)\n" }
  }

  /// The file's size and SHA-256, or a marker when it is missing or unreadable.
  static func digest(ofFileAt path: String) -> String {
    guard let data = FileManager.default.contents(atPath: path) else { return "missing" }
    return digest(of: data)
  }

  /// The size and SHA-256 of bytes read.
  @Sendable static func digest(of data: Data) -> String {
    "\(data.count)\t\(hex(SHA256.hash(data: data)))"
  }

  /// The running executable's inode, size and modification and change times: a rebuilt or
  /// replaced binary is a new file with a new change time, which cannot be set back.
  static func binaryIdentity() -> String {
    let path = FileManager.default.fileExists(atPath: "/proc/self/exe") ? "/proc/self/exe" : CommandLine.arguments[0]
    var status = stat()
    guard stat(path, &status) == 0 else { return "unknown \(UUID())" }
    return
      "\(status.st_dev) \(status.st_ino) \(status.st_size) \(status.st_mtim.tv_sec).\(status.st_mtim.tv_nsec) \(status.st_ctim.tv_sec).\(status.st_ctim.tv_nsec)"
  }

  static func absolute(_ path: String) -> String {
    URL(fileURLWithPath: path).standardizedFileURL.path
  }

  static func hex<Bytes: Sequence>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 {
    let digits = Array("0123456789abcdef".utf8)
    var text: [UInt8] = []
    for byte in bytes {
      text.append(digits[Int(byte >> 4)])
      text.append(digits[Int(byte & 0xF)])
    }
    return String(decoding: text, as: UTF8.self)
  }
}

/// Regular files below a folder, following symbolic links, relative and sorted.
enum InputFiles {
  static func list(_ folder: String) -> [String] {
    var found: [String] = []
    var visited = Set<[UInt64]>()
    walk(folder, prefix: "", visited: &visited, into: &found)
    return found.sorted()
  }

  /// `visited` holds each folder's device and inode, so a link back up the tree is entered once.
  private static func walk(
    _ folder: String, prefix: String, visited: inout Set<[UInt64]>, into found: inout [String]
  ) {
    var folderStatus = stat()
    guard stat(folder, &folderStatus) == 0,
      visited.insert([UInt64(folderStatus.st_dev), UInt64(folderStatus.st_ino)]).inserted,
      let directory = opendir(folder)
    else { return }
    defer { closedir(directory) }
    while let entry = readdir(directory) {
      let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
        String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
      }
      if name == "." || name == ".." { continue }
      let path = folder + "/" + name
      var isFolder = entry.pointee.d_type == UInt8(DT_DIR)
      if entry.pointee.d_type == UInt8(DT_LNK) || entry.pointee.d_type == UInt8(DT_UNKNOWN) {
        var status = stat()
        isFolder = stat(path, &status) == 0 && (status.st_mode & S_IFMT) == S_IFDIR
      }
      if isFolder {
        walk(path, prefix: prefix + name + "/", visited: &visited, into: &found)
      } else {
        found.append(prefix + name)
      }
    }
  }
}

/// The inputs a build records: their digest, or the part of it made before the build read the
/// content, finished with the fingerprints of what it read.
enum RecordedInputs {
  case known(String)
  case pending(InputFingerprint.Pending)

  var isPending: Bool {
    if case .pending = self { return true }
    return false
  }

  func digest(reading read: [String: String]) -> String {
    switch self {
    case .known(let digest): digest
    case .pending(let pending): pending.finish(reading: read)
    }
  }
}
