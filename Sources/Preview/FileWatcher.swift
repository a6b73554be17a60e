import Foundation
import Load
import Synchronization

/// Waits for changes below the watched folders. `next` blocks until something changed (or the
/// watcher was stopped) and returns the changed paths, named as `WatchTargets` says.
protocol FileWatcher: Sendable {
  /// The changed paths, after a short quiet time so one save is one rebuild; nil once stopped.
  func next() -> Set<String>?
  func stop()
}

enum FileWatchers {
  /// inotify on Linux; polling file times and sizes elsewhere or when inotify is unavailable.
  static func make(_ targets: WatchTargets) -> any FileWatcher {
    #if canImport(Glibc)
      if let watcher = InotifyWatcher(targets) { return watcher }
    #endif
    return PollingWatcher(targets)
  }
}

/// Scans the watched folders every 100 ms and compares modification times and sizes.
final class PollingWatcher: FileWatcher {
  private let targets: WatchTargets
  private let state: Mutex<(stopped: Bool, seen: [String: Stamp])>

  struct Stamp: Equatable, Sendable {
    var modified: Date?
    var size: Int?
  }

  init(_ targets: WatchTargets) {
    self.targets = targets
    self.state = Mutex((false, PollingWatcher.scan(targets)))
  }

  func next() -> Set<String>? {
    while true {
      Thread.sleep(forTimeInterval: 0.1)
      let now = PollingWatcher.scan(targets)
      let changed: Set<String>? = state.withLock { state in
        guard !state.stopped else { return nil }
        let keys = Set(state.seen.keys).union(now.keys)
        let changed = Set(keys.filter { state.seen[$0] != now[$0] })
        state.seen = now
        return changed
      }
      guard let changed else { return nil }
      if !changed.isEmpty { return changed }
    }
  }

  func stop() {
    state.withLock { $0.stopped = true }
  }

  static func scan(_ targets: WatchTargets) -> [String: Stamp] {
    let manager = FileManager.default
    var stamps: [String: Stamp] = [:]
    func stamp(_ path: String) -> Stamp? {
      guard let attributes = try? manager.attributesOfItem(atPath: path) else { return nil }
      return Stamp(
        modified: attributes[.modificationDate] as? Date, size: (attributes[.size] as? NSNumber)?.intValue)
    }
    stamps[SiteConfig.fileName] = stamp(targets.root + "/" + SiteConfig.fileName)
    for tree in targets.trees {
      guard let enumerator = manager.enumerator(atPath: tree.path) else { continue }
      while let relative = enumerator.nextObject() as? String {
        let name = (relative as NSString).lastPathComponent
        let isFolder = (enumerator.fileAttributes?[.type] as? FileAttributeType) == .typeDirectory
        if WatchTargets.ignored(name) {
          if isFolder { enumerator.skipDescendants() }
          continue
        }
        // Folders change when files come and go; the files themselves are what is reported.
        if !isFolder { stamps[tree.name + "/" + relative] = stamp(tree.path + "/" + relative) }
      }
    }
    return stamps
  }
}

#if canImport(Glibc)
  import Glibc

  /// Linux inotify: one watch per folder, added for new folders as they appear, so a save is
  /// seen as soon as the file is closed.
  final class InotifyWatcher: FileWatcher {
    private let descriptor: Int32
    private let targets: WatchTargets
    /// Watch descriptor → the folder's absolute path and its name for the build ("" for the root).
    private let folders = Mutex<[Int32: (path: String, name: String)]>([:])
    private let stopped = Atomic<Bool>(false)

    static let fileEvents = UInt32(IN_CLOSE_WRITE) | UInt32(IN_MOVED_TO) | UInt32(IN_MOVED_FROM) | UInt32(IN_DELETE)
    static let folderEvents = UInt32(IN_CREATE) | UInt32(IN_DELETE_SELF)

    init?(_ targets: WatchTargets) {
      let descriptor = inotify_init1(Int32(IN_CLOEXEC) | Int32(IN_NONBLOCK))
      guard descriptor >= 0 else { return nil }
      self.descriptor = descriptor
      self.targets = targets
      addWatch(targets.root, name: "")
      for tree in targets.trees { addTree(tree.path, name: tree.name) }
    }

    deinit {
      close(descriptor)
    }

    func stop() {
      stopped.store(true, ordering: .sequentiallyConsistent)
    }

    func next() -> Set<String>? {
      var changed = Set<String>()
      while true {
        guard !stopped.load(ordering: .sequentiallyConsistent) else { return nil }
        // Wait up to 200 ms for the first event (to notice `stop`), then 5 ms for more of the same save.
        if wait(milliseconds: changed.isEmpty ? 200 : 5) {
          readEvents(into: &changed)
        } else if !changed.isEmpty {
          return changed
        }
      }
    }

    private func wait(milliseconds: Int32) -> Bool {
      var request = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
      return poll(&request, 1, milliseconds) > 0
    }

    private func readEvents(into changed: inout Set<String>) {
      var buffer = [UInt8](repeating: 0, count: 64 * 1024)
      while true {
        let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
        guard count > 0 else { return }
        var offset = 0
        let headerSize = MemoryLayout<inotify_event>.size
        while offset + headerSize <= count {
          let (watch, mask, length) = buffer.withUnsafeBytes { bytes in
            (
              bytes.loadUnaligned(fromByteOffset: offset, as: Int32.self),
              bytes.loadUnaligned(fromByteOffset: offset + 4, as: UInt32.self),
              Int(bytes.loadUnaligned(fromByteOffset: offset + 12, as: UInt32.self))
            )
          }
          let nameBytes = buffer[(offset + headerSize)..<min(count, offset + headerSize + length)]
          let name = String(decoding: nameBytes.prefix { $0 != 0 }, as: UTF8.self)
          offset += headerSize + length
          handle(watch: watch, mask: mask, name: name, into: &changed)
        }
      }
    }

    private func handle(watch: Int32, mask: UInt32, name: String, into changed: inout Set<String>) {
      guard let folder = folders.withLock({ $0[watch] }) else { return }
      if mask & UInt32(IN_IGNORED) != 0 {
        _ = folders.withLock { $0.removeValue(forKey: watch) }
        return
      }
      guard !name.isEmpty, !WatchTargets.ignored(name) else { return }
      let isFolder = mask & UInt32(IN_ISDIR) != 0
      if folder.name.isEmpty {
        // At the root only the configuration and the watched folders matter.
        guard targets.rootNames.contains(name) else { return }
        if isFolder, mask & (UInt32(IN_CREATE) | UInt32(IN_MOVED_TO)) != 0 {
          addTree(targets.root + "/" + name, name: name)
        }
        changed.insert(name)
        return
      }
      // A new file is reported when it is closed after writing, not when it is created empty.
      if !isFolder && mask & UInt32(IN_CREATE) != 0 { return }
      if isFolder, mask & (UInt32(IN_CREATE) | UInt32(IN_MOVED_TO)) != 0 {
        addTree(folder.path + "/" + name, name: folder.name + "/" + name)
      }
      changed.insert(folder.name + "/" + name)
    }

    private func addTree(_ path: String, name: String) {
      guard addWatch(path, name: name) else { return }
      guard let enumerator = FileManager.default.enumerator(atPath: path) else { return }
      while let relative = enumerator.nextObject() as? String {
        guard (enumerator.fileAttributes?[.type] as? FileAttributeType) == .typeDirectory else { continue }
        if WatchTargets.ignored((relative as NSString).lastPathComponent) {
          enumerator.skipDescendants()
          continue
        }
        addWatch(path + "/" + relative, name: name + "/" + relative)
      }
    }

    @discardableResult
    private func addWatch(_ path: String, name: String) -> Bool {
      let mask =
        name.isEmpty
        ? InotifyWatcher.fileEvents | UInt32(IN_CREATE) : InotifyWatcher.fileEvents | InotifyWatcher.folderEvents
      let watch = inotify_add_watch(descriptor, path, mask)
      guard watch >= 0 else { return false }
      folders.withLock { $0[watch] = (path, name) }
      return true
    }
  }
#endif
