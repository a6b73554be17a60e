import Foundation
import Testing

@testable import Load

/// The byte-level loading must give what the Character-level code it replaced gave.
@Suite struct FastLoadingTests {
  /// The former splitting: Characters, `isNewline`, one trailing empty line dropped.
  static func referenceLines(_ text: String) -> [String] {
    var lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map(String.init)
    if lines.last == "" { lines.removeLast() }
    return lines
  }

  static let pieces = [
    "---", "--- ", "---\t", "a: 1", "\n", "\n", "\r\n", "\r", "\u{0B}", "\u{0C}", "\u{85}", "\u{2028}", "\u{2029}",
    " ", "é", "e\u{301}", "日本", "\u{FEFF}", "-",
  ]

  /// Deterministic pseudo-random texts built from pieces that stress line breaks and fences.
  static func texts(count: Int) -> [String] {
    var state: UInt64 = 0x9E37_79B9_7F4A_7C15
    func next(_ bound: Int) -> Int {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int((state >> 33) % UInt64(bound))
    }
    return (0..<count).map { _ in
      "---\n" + (0..<next(40)).map { _ in pieces[next(pieces.count)] }.joined()
    }
  }

  @Test func linesFrontMatterAndBodyMatchCharacterSplitting() throws {
    for text in Self.texts(count: 3000) {
      let stripped = text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
      let lines = Self.referenceLines(stripped)
      let close = lines.indices.dropFirst().first { lines[$0].trimmingTrailing() == "---" }
      let result = SourceParser.parse(path: "content/news/x.md", text: text)
      guard let close else {
        #expect(throws: (any Error).self) { try result.get() }
        continue
      }
      let source = try result.get()
      #expect(source.frontMatter == lines[1..<close].joined(separator: "\n"), "\(text.debugDescription)")
      #expect(source.body == lines[(close + 1)...].joined(separator: "\n"), "\(text.debugDescription)")
      #expect(source.bodyLine == close + 2)
      #expect(source.lines == lines, "\(text.debugDescription)")
      #expect(source.line(lines.count + 1) == nil)
    }
  }

  @Test func directoryWalkListsWhatFileManagerLists() throws {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("walk-\(UUID().uuidString)").path
    defer { try? FileManager.default.removeItem(atPath: root) }
    let manager = FileManager.default
    for folder in ["a/b", ".hidden", "c", "a/.git"] {
      try manager.createDirectory(atPath: root + "/" + folder, withIntermediateDirectories: true)
    }
    for file in ["x.md", "a/y.md", "a/b/z.png", ".dot.md", ".hidden/h.md", "a/.git/g", "c/w.md"] {
      try Data("x".utf8).write(to: URL(fileURLWithPath: root + "/" + file))
    }
    try manager.createSymbolicLink(atPath: root + "/link.md", withDestinationPath: root + "/x.md")
    try manager.createSymbolicLink(atPath: root + "/linked-folder", withDestinationPath: root + "/c")
    try manager.createSymbolicLink(atPath: root + "/broken.md", withDestinationPath: root + "/missing")

    var expected: [String] = []
    let enumerator = try #require(manager.enumerator(atPath: root))
    while let relative = enumerator.nextObject() as? String {
      if (relative as NSString).lastPathComponent.hasPrefix(".") {
        if (enumerator.fileAttributes?[.type] as? FileAttributeType) == .typeDirectory { enumerator.skipDescendants() }
        continue
      }
      var isDirectory: ObjCBool = false
      if manager.fileExists(atPath: root + "/" + relative, isDirectory: &isDirectory), !isDirectory.boolValue {
        expected.append(relative)
      }
    }
    #expect(DirectoryWalk.files(under: root) == expected.sorted())
    #expect(DirectoryWalk.files(under: root) == ["a/b/z.png", "a/y.md", "c/w.md", "link.md", "x.md"])
    #expect(DirectoryWalk.files(under: root + "/missing").isEmpty)
  }

  @Test func readsWholeFilesAndReportsMissingOnesAsFoundationDoes() throws {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("read-\(UUID().uuidString)").path
    defer { try? FileManager.default.removeItem(atPath: path) }
    let bytes = Data((0..<100_000).map { UInt8($0 % 251) })
    try bytes.write(to: URL(fileURLWithPath: path))
    #expect(try FileIO.disk.read(path) == bytes)
    var fromDisk = ""
    var fromFoundation = ""
    do { _ = try FileIO.disk.read(path + ".missing") } catch { fromDisk = error.localizedDescription }
    do { _ = try Data(contentsOf: URL(fileURLWithPath: path + ".missing")) } catch {
      fromFoundation = error.localizedDescription
    }
    #expect(!fromDisk.isEmpty)
    #expect(fromDisk == fromFoundation)
  }

  @Test func parallelLoadKeepsFileOrderAndDiagnostics() {
    var files: [String: String] = [:]
    for index in 0..<300 {
      files[String(format: "/site/content/news/n%03d.md", index)] =
        index % 7 == 0 ? "no front matter\n" : "---\ntitle: \(index)\n---\nbody \(index)\n"
    }
    files["/site/content/news/image.png"] = "png"
    let loaded = ContentLoader.load(root: "/site", io: .memory(files))
    let expectedSources = (0..<300).filter { $0 % 7 != 0 }.map { String(format: "content/news/n%03d.md", $0) }
    #expect(loaded.sources.map(\.path) == expectedSources)
    #expect(
      loaded.diagnostics.map(\.location.path)
        == (0..<300).filter { $0 % 7 == 0 }.map {
          String(format: "content/news/n%03d.md", $0)
        })
    #expect(loaded.staticFiles == ["content/news/image.png"])
  }

  @Test func decodesTextAsFoundationDoes() throws {
    let texts = [
      "\u{FEFF}\u{FEFF}---\ntitle: A\n---\nB\n", "\u{FEFF}---\ntitle: A\n---\n", "---\ntitle: \u{FEFF}A\n---\n",
    ]
    for (index, text) in texts.enumerated() {
      let path = "content/news/bom\(index).md"
      let loaded = ContentLoader.load(root: "/site", io: .memory(["/site/" + path: text]))
      let decoded = try #require(String(data: Data(text.utf8), encoding: .utf8))
      let expected = try? SourceParser.parse(path: path, text: decoded).get()
      #expect(expected != nil)
      #expect(loaded.sources.first == expected)
    }
  }

  @Test func orderedParallelMapKeepsOrder() {
    let items = Array(0..<10_000)
    #expect(OrderedParallel.map(items) { $0 * 3 } == items.map { $0 * 3 })
    #expect(OrderedParallel.chunks(count: 0) { $0.count }.isEmpty)
    #expect(OrderedParallel.chunks(count: 1_000) { Array($0) }.flatMap { $0 } == Array(0..<1_000))
  }

  @Test(arguments: [(0, 4), (1, 4), (4, 4), (1_001, 16), (1_000, 1), (7, 0)])
  func orderedParallelBatchesCoverEveryItemOnceInOrder(count: Int, size: Int) {
    let ranges = OrderedParallel.batches(count: count, size: size) { [$0] }
    #expect(ranges.flatMap { Array($0) } == Array(0..<count))
    #expect(ranges.dropLast().allSatisfy { $0.count == max(1, size) })
  }

  @Test func orderedParallelRunsTwoThingsAtOnceAndReturnsBoth() {
    let (sum, text) = OrderedParallel.concurrently({ (1...1_000).reduce(0, +) }, { String(repeating: "a", count: 3) })
    #expect(sum == 500_500)
    #expect(text == "aaa")
  }
}

extension String {
  fileprivate func trimmingTrailing() -> Substring {
    var s = self[...]
    while let last = s.last, last == " " || last == "\t" { s.removeLast() }
    return s
  }
}
