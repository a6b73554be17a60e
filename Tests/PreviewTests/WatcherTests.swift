import Foundation
import Pipeline
import Testing

@testable import Preview

/// Both watchers name changes the way the incremental build expects, and ignore editors' temporary files.
@Suite struct WatcherTests {
  func changes(with make: (WatchTargets) -> (any FileWatcher)?) throws -> Set<String>? {
    let root = try copyOfFixtureSite()
    guard let watcher = make(WatchTargets(options: buildOptions(root: root))) else { return nil }
    defer { watcher.stop() }
    Thread.sleep(forTimeInterval: 0.15)
    try write("swap", to: root + "/content/news/.nuremberg-visit.ja.md.swp")
    let path = root + "/content/news/nuremberg-visit.ja.md"
    try write(try read(path) + "\n追記\n", to: path)
    try write("title: {ja: 変更}\n", to: root + "/kirameki.yaml")
    Thread.sleep(forTimeInterval: 0.05)
    var seen = Set<String>()
    let deadline = Date().addingTimeInterval(5)
    while seen.count < 2 && Date() < deadline {
      seen.formUnion(watcher.next() ?? [])
    }
    return seen
  }

  @Test func pollingNamesChangedFilesRelativeToTheRoot() throws {
    let seen = try changes { PollingWatcher($0) }
    #expect(seen == ["content/news/nuremberg-visit.ja.md", "kirameki.yaml"])
  }

  #if canImport(Glibc)
    @Test func inotifyNamesChangedFilesRelativeToTheRoot() throws {
      let seen = try changes { InotifyWatcher($0) }
      #expect(seen == ["content/news/nuremberg-visit.ja.md", "kirameki.yaml"])
    }
  #endif
}
