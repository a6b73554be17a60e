import BenchCorpus
import Foundation
import Testing

@Suite struct DeterminismTests {
  @Test func sameSeedGivesIdenticalBytes() throws {
    let (first, _) = try generate(entries: 240, seed: 7)
    let (second, _) = try generate(entries: 240, seed: 7)
    defer {
      try? FileManager.default.removeItem(atPath: first)
      try? FileManager.default.removeItem(atPath: second)
    }
    let a = try readTree(first)
    let b = try readTree(second)
    #expect(a.count > 240)
    #expect(Set(a.keys) == Set(b.keys))
    let differing = a.keys.filter { a[$0] != b[$0] }.sorted()
    #expect(differing.isEmpty, "differing files: \(differing.prefix(5))")
  }

  @Test func regeneratingIntoTheSameFolderReplacesTheCorpus() throws {
    let (folder, _) = try generate(entries: 200, seed: 3)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let before = try readTree(folder)
    _ = try CorpusGenerator.write(CorpusOptions(entries: 120, seed: 9), to: folder)
    _ = try CorpusGenerator.write(CorpusOptions(entries: 200, seed: 3), to: folder)
    #expect(try readTree(folder) == before)
  }

  @Test func differentSeedGivesDifferentCorpus() throws {
    let (first, _) = try generate(entries: 120, seed: 1)
    let (second, _) = try generate(entries: 120, seed: 2)
    defer {
      try? FileManager.default.removeItem(atPath: first)
      try? FileManager.default.removeItem(atPath: second)
    }
    let a = try readTree(first)
    let b = try readTree(second)
    let content = a.keys.filter { $0.hasPrefix("content/") }
    let same = content.filter { a[$0] == b[$0] }
    #expect(same.isEmpty, "identical under both seeds: \(same.prefix(5))")
    #expect(a["needles.tsv"] != b["needles.tsv"])
  }

  @Test func refusesToReplaceAFolderItDidNotWrite() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    try FileManager.default.createDirectory(atPath: folder + "/content/seminars", withIntermediateDirectories: true)
    try Data("keep".utf8).write(to: URL(fileURLWithPath: folder + "/content/seminars/mine.ja.md"))
    #expect(throws: CorpusError.self) {
      try CorpusGenerator.write(CorpusOptions(entries: 10, seed: 1), to: folder)
    }
    #expect(FileManager.default.fileExists(atPath: folder + "/content/seminars/mine.ja.md"))
  }
}
