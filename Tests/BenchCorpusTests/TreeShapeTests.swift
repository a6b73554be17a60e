import BenchCorpus
import Foundation
import Testing

@Suite struct TreeShapeTests {
  /// A small site: nested folders, an empty folder, an empty file and one larger than the
  /// writer's filler, so it takes several writes.
  func makeSite() throws -> String {
    let root = try temporaryFolder()
    let manager = FileManager.default
    for folder in ["a/b/c", "a/b-c", "empty", "z"] {
      try manager.createDirectory(atPath: root + "/" + folder, withIntermediateDirectories: true)
    }
    let files: [(String, Int)] = [
      ("index.html", 1_000), ("a/b/c/index.html", 18_000), ("a/b-c/page.html", 0),
      ("a/b/big.json.gz", (1 << 20) + 4_321), ("z/event.ics", 7),
    ]
    for (path, size) in files {
      try Data(repeating: 0x41, count: size).write(to: URL(fileURLWithPath: root + "/" + path))
    }
    return root
  }

  @Test func scanListsEveryFolderAndFileWithItsSize() throws {
    let site = try makeSite()
    defer { try? FileManager.default.removeItem(atPath: site) }
    let shape = try TreeShape.scan(site)
    #expect(shape.folders == ["a", "a/b", "a/b-c", "a/b/c", "empty", "z"])
    #expect(
      shape.files.map(\.path) == [
        "a/b-c/page.html", "a/b/big.json.gz", "a/b/c/index.html", "index.html", "z/event.ics",
      ])
    #expect(shape.files.map(\.size) == [0, (1 << 20) + 4_321, 18_000, 1_000, 7])
    #expect(shape.bytes == (1 << 20) + 4_321 + 18_000 + 1_000 + 7)
  }

  /// The writers make folders as files need them, and the empty ones after.
  @Test(arguments: [1, 2, 3])
  func replicaHasTheSameShapeFilledWithFiller(threads: Int) throws {
    let site = try makeSite()
    let replica = try temporaryFolder() + "/replica"
    defer {
      try? FileManager.default.removeItem(atPath: site)
      try? FileManager.default.removeItem(atPath: (replica as NSString).deletingLastPathComponent)
    }
    let shape = try TreeShape.scan(site)
    try shape.write(to: replica, threads: threads)
    #expect(try TreeShape.scan(replica) == shape)
    let big = try Data(contentsOf: URL(fileURLWithPath: replica + "/a/b/big.json.gz"))
    #expect(big.count == (1 << 20) + 4_321)
    #expect(big.allSatisfy { $0 == UInt8(ascii: "x") })
  }

  @Test func refusesAnExistingFolderAndLeavesItAsItWas() throws {
    let site = try makeSite()
    let existing = try temporaryFolder()
    defer {
      try? FileManager.default.removeItem(atPath: site)
      try? FileManager.default.removeItem(atPath: existing)
    }
    try Data("keep".utf8).write(to: URL(fileURLWithPath: existing + "/index.html"))
    let shape = try TreeShape.scan(site)
    #expect {
      try shape.write(to: existing, threads: 2)
    } throws: { error in
      (error as? FileSink.Failure)?.path == existing
        && "\(error)".contains("already exists")
    }
    #expect(try TreeShape.scan(existing).files == [TreeShape.File(path: "index.html", size: 4)])
    #expect(try String(contentsOfFile: existing + "/index.html", encoding: .utf8) == "keep")
  }

  @Test func scanNamesAMissingSite() throws {
    let missing = try temporaryFolder() + "/no-site"
    defer { try? FileManager.default.removeItem(atPath: (missing as NSString).deletingLastPathComponent) }
    #expect {
      _ = try TreeShape.scan(missing)
    } throws: { error in
      "\(error)" == "cannot read '\(missing)': not a folder"
    }
  }

  @Test func aWriteFailureNamesTheFileAndRemovesTheReplica() throws {
    // A file where the shape needs a folder: the writer cannot make the file below it.
    let shape = TreeShape(
      folders: [], files: [TreeShape.File(path: "a", size: 3), TreeShape.File(path: "a/index.html", size: 10)])
    let replica = try temporaryFolder() + "/replica"
    defer { try? FileManager.default.removeItem(atPath: (replica as NSString).deletingLastPathComponent) }
    #expect {
      try shape.write(to: replica, threads: 2)
    } throws: { error in
      "\(error)" == "cannot write '\(replica)/a/index.html': Not a directory"
    }
    #expect(!FileManager.default.fileExists(atPath: replica), "a failed replica is removed")
  }
}
