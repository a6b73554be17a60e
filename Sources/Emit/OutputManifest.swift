import Foundation
import Synchronization

#if canImport(Glibc)
  import Glibc
#endif

/// What the output folder looked like right after a build wrote it: the identity of every file
/// and folder (inode, size, modification and change times). A later build compares it with a
/// `stat` of each path to know, without reading a byte, that nobody changed, added or deleted
/// anything there: writing a file or adding an entry to a folder moves its change time, which no
/// tool can set back.
public struct OutputManifest: Sendable, Equatable {
  public struct Identity: Sendable, Equatable {
    var inode: UInt64
    var size: Int64
    var modified: Int64
    var changed: Int64

    init(inode: UInt64, size: Int64, modified: Int64, changed: Int64) {
      (self.inode, self.size, self.modified, self.changed) = (inode, size, modified, changed)
    }

    init(_ status: stat) {
      self.init(
        inode: UInt64(status.st_ino), size: Int64(status.st_size),
        modified: Int64(status.st_mtim.tv_sec) * 1_000_000_000 + Int64(status.st_mtim.tv_nsec),
        changed: Int64(status.st_ctim.tv_sec) * 1_000_000_000 + Int64(status.st_ctim.tv_nsec))
    }
  }

  /// Paths relative to the output folder (`""` is the folder itself); folders end in `/`.
  public private(set) var entries: [(path: String, identity: Identity)]

  public static func == (lhs: OutputManifest, rhs: OutputManifest) -> Bool {
    lhs.entries.elementsEqual(rhs.entries) { $0.path == $1.path && $0.identity == $1.identity }
  }

  /// Longer than the coarse file clock's tick (1–10 ms, by the kernel's HZ).
  static let settleMicroseconds: UInt32 = 25_000

  /// Records `files` (relative paths) under `folder`, with every folder above them.
  /// - Parameter known: identities of some of the files, by index in `files`, taken when they were
  ///   written; only the others and the folders are read.
  /// - Parameter lastChange: when the last file or folder under `folder` was written; what is
  ///   read is read at least one settling time after it (the lists are prepared meanwhile).
  /// - Returns: nil when one of them cannot be read.
  public static func capture(
    folder: String, files: [String], known: [Identity?] = [], lastChange: ContinuousClock.Instant = .now
  ) -> OutputManifest? {
    var folders = Set<String>([""])
    for file in files {
      var path = Substring(file)
      while let slash = path.lastIndex(of: "/") {
        path = path[..<slash]
        if !folders.insert(String(path)).inserted { break }
      }
    }
    let folderPaths = folders.sorted().map { $0.isEmpty ? "" : $0 + "/" }
    let order = files.indices.sorted { files[$0] < files[$1] }
    let unknown = order.filter { $0 >= known.count || known[$0] == nil }
    // File times come from a clock that ticks every few milliseconds; a change within the tick of
    // the last write would keep its times. Recording one tick later makes every later change show.
    let remaining = lastChange + .microseconds(Int(settleMicroseconds)) - .now
    if remaining > .zero {
      let (seconds, attoseconds) = remaining.components
      usleep(UInt32(seconds * 1_000_000 + attoseconds / 1_000_000_000_000))
    }
    let read = identify(folder: folder, folderPaths + unknown.map { files[$0] })
    guard read.allSatisfy({ $0 != nil }) else { return nil }
    var entries = zip(folderPaths, read).compactMap { path, identity in identity.map { (path, $0) } }
    entries.reserveCapacity(folderPaths.count + files.count)
    var readFiles = read[folderPaths.count...].makeIterator()
    for index in order {
      let identity = index < known.count ? known[index] : nil
      guard let identity = identity ?? readFiles.next() ?? nil else { return nil }
      entries.append((files[index], identity))
    }
    return OutputManifest(entries: entries)
  }

  /// The manifest with the identity of one recorded path read again from `folder`; nil when the
  /// path is not recorded or cannot be read.
  func rereading(_ path: String, in folder: String) -> OutputManifest? {
    guard let index = entries.firstIndex(where: { $0.path == path }),
      let identity = Self.identity(of: path.isEmpty ? folder : folder + "/" + path)
    else { return nil }
    var updated = self
    updated.entries[index].identity = identity
    return updated
  }

  /// Whether every recorded path under `folder` still has the recorded identity.
  public func matches(folder: String) -> Bool {
    let current = Self.identify(folder: folder, entries.map(\.path))
    return zip(entries, current).allSatisfy { $0.identity == $1 }
  }

  /// `stat` of each path, on every core.
  static func identify(folder: String, _ paths: [String]) -> [Identity?] {
    let result = Mutex<[Identity?]>(Array(repeating: nil, count: paths.count))
    let chunkSize = 4096
    DispatchQueue.concurrentPerform(iterations: (paths.count + chunkSize - 1) / chunkSize) { chunk in
      let range = (chunk * chunkSize)..<Swift.min(paths.count, (chunk + 1) * chunkSize)
      let found = range.map { identity(of: folder + "/" + paths[$0]) }
      result.withLock { $0.replaceSubrange(range, with: found) }
    }
    return result.withLock { $0 }
  }

  static func identity(of path: String) -> Identity? {
    var status = stat()
    guard lstat(path, &status) == 0 else { return nil }
    return Identity(status)
  }

  // MARK: Text form, one entry a line: `inode size modified changed path`.

  public var text: String {
    String(decoding: bytes, as: UTF8.self)
  }

  /// The text form's UTF-8, written without string interpolation: at 100k entries it has 550k
  /// lines, which took 0.4 s to interpolate.
  public var bytes: [UInt8] {
    var out: [UInt8] = []
    out.reserveCapacity(entries.count * 80)
    var digits: [UInt8] = []
    digits.reserveCapacity(20)
    func append(_ value: Int64) {
      if value < 0 { out.append(UInt8(ascii: "-")) }
      append(magnitude: value.magnitude)
    }
    func append(magnitude: UInt64) {
      var rest = magnitude
      digits.removeAll(keepingCapacity: true)
      repeat {
        digits.append(UInt8(ascii: "0") + UInt8(rest % 10))
        rest /= 10
      } while rest > 0
      out.append(contentsOf: digits.reversed())
      out.append(UInt8(ascii: " "))
    }
    for (path, identity) in entries {
      append(magnitude: identity.inode)
      append(identity.size)
      append(identity.modified)
      append(identity.changed)
      out.append(contentsOf: path.utf8)
      out.append(UInt8(ascii: "\n"))
    }
    return out
  }

  /// Parses the text form; nil when a line is malformed. Byte by byte: at 100k entries the
  /// manifest has 300k lines, and the standard library's `split` took most of a no-change build.
  public init?(text: some Collection<UInt8>) {
    let parsed =
      text.withContiguousStorageIfAvailable { Self.parse($0) } ?? Array(text).withUnsafeBufferPointer { Self.parse($0) }
    guard let parsed else { return nil }
    entries = parsed
  }

  public init?(text: String) {
    self.init(text: Array(text.utf8))
  }

  private static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> [(path: String, identity: Identity)]? {
    var entries: [(path: String, identity: Identity)] = []
    var index = 0
    func number() -> UInt64? {
      let start = index
      var value: UInt64 = 0
      while index < bytes.count, bytes[index] >= 0x30, bytes[index] <= 0x39 {
        let (times, overflowTimes) = value.multipliedReportingOverflow(by: 10)
        let (sum, overflowSum) = times.addingReportingOverflow(UInt64(bytes[index] - 0x30))
        guard !overflowTimes, !overflowSum else { return nil }
        value = sum
        index += 1
      }
      guard index > start, index < bytes.count, bytes[index] == 0x20 else { return nil }
      index += 1
      return value
    }
    while index < bytes.count {
      if bytes[index] == 0x0A {
        index += 1
        continue
      }
      guard let inode = number(), let size = number().flatMap(Int64.init(exactly:)),
        let modified = number().flatMap(Int64.init(exactly:)), let changed = number().flatMap(Int64.init(exactly:))
      else { return nil }
      let start = index
      while index < bytes.count, bytes[index] != 0x0A { index += 1 }
      let path = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
      entries.append((path, Identity(inode: inode, size: size, modified: modified, changed: changed)))
    }
    return entries
  }

  init(entries: [(path: String, identity: Identity)]) {
    self.entries = entries
  }
}
