import Dispatch
import Schema
import Synchronization

/// What `kirameki-bench corpus` is asked for.
public struct CorpusOptions: Sendable {
  public var entries: Int
  public var seed: UInt64
  /// Planted rare phrases (at most one per four entries).
  public var needles: Int

  public init(entries: Int, seed: UInt64 = 42, needles: Int = 50) {
    self.entries = entries
    self.seed = seed
    self.needles = needles
  }
}

/// A needle as planted: where it is and how people search for it.
public struct PlantedNeedle: Sendable {
  public var needle: Needle
  /// The page's URL, root-relative: `/needs/need-laser-oct-00042/`, `/en/news/…/`.
  public var url: String
  /// The file, relative to the site root: `content/needs/need-laser-oct-00042.ja.md`.
  public var path: String
  /// How many generated files contain the phrase (1 when the corpus is valid).
  public var filesContaining: Int
}

/// What was written.
public struct CorpusReport: Sendable {
  public var entries: [(section: String, count: Int)]
  public var files: Int
  /// Extra language files: English guide translations.
  public var translations: Int
  /// Entries whose only file is English or German (news).
  public var englishOnly: Int
  public var germanOnly: Int
  public var bytes: Int
  public var bodyCharacters: Int
  public var shortestBody: Int
  public var longestBody: Int
  public var needles: [PlantedNeedle]
  /// Entries generated again because a needle also turned up in them by chance.
  public var regenerated: Int
}

public enum CorpusError: Error, CustomStringConvertible {
  case invalidEntries(Int)
  case notACorpusFolder(String)
  case needleCollision(entry: String)
  case io(String)
  case schema(SchemaDrift)

  public var description: String {
    switch self {
    case .invalidEntries(let count): "--entries must be at least 1 (got \(count))"
    case .notACorpusFolder(let path):
      "refusing to replace '\(path)/content': it was not written by kirameki-bench (no \(CorpusGenerator.marker))"
    case .needleCollision(let entry): "could not keep every needle unique in '\(entry)'"
    case .io(let message): message
    case .schema(let drift): drift.description
    }
  }
}

/// Writes a synthetic hub corpus: `kirameki.yaml`, `content/<section>/<id>.<lang>.md` and
/// `needles.tsv`. The same options give byte-identical output on any number of cores.
public enum CorpusGenerator {
  /// Marks a folder as written by this generator, so a mistaken `--out` never loses other files.
  public static let marker = ".kirameki-bench-corpus"
  static let maxAttempts = 32

  public static func write(_ options: CorpusOptions, to root: String, themes: String? = nil) throws(CorpusError)
    -> CorpusReport
  {
    guard options.entries >= 1 else { throw .invalidEntries(options.entries) }
    let context: CorpusContext
    do {
      context = try CorpusContext(entries: options.entries, seed: options.seed, needleCount: options.needles)
    } catch {
      throw .schema(error)
    }
    do {
      try prepare(root: root)
      for share in CorpusMix.shares { try FileSink.makeDirectory(root + "/content/" + share.type.section) }
      try FileSink.write(SiteFiles.configuration(options), to: root + "/kirameki.yaml")
    } catch {
      throw .io(error.description)
    }

    let tally = generate(context, root: root)
    if let failure = tally.failure { throw failure }

    let needles = context.needles.enumerated().compactMap { index, needle -> PlantedNeedle? in
      guard let host = context.hosts.first(where: { $0.value == index })?.key else { return nil }
      let entry = context.plan[host]
      return PlantedNeedle(
        needle: needle, url: entry.url(), path: entry.path(), filesContaining: tally.phraseFiles[index])
    }.sorted { $0.url < $1.url }
    for planted in needles where planted.filesContaining != 1 {
      throw .needleCollision(entry: planted.path)
    }
    do {
      try FileSink.write(SiteFiles.needles(needles), to: root + "/needles.tsv")
      if let themes { try SiteFiles.linkThemes(root: root, themes: themes) }
    } catch {
      throw .io(error.description)
    }
    let plan = context.plan
    return CorpusReport(
      entries: CorpusMix.counts(entries: options.entries), files: tally.files, translations: tally.translations,
      englishOnly: plan.filter { $0.language == .en }.count, germanOnly: plan.filter { $0.language == .de }.count,
      bytes: tally.bytes, bodyCharacters: tally.bodyCharacters, shortestBody: tally.shortest,
      longestBody: tally.longest, needles: needles, regenerated: tally.regenerated)
  }

  /// Makes the folder, removing a previous corpus's content (only one this generator wrote).
  static func prepare(root: String) throws(FileSink.Failure) {
    try FileSink.makeDirectory(root)
    if FileSink.kind(root + "/content") != .missing {
      guard FileSink.kind(root + "/" + marker) == .file else {
        throw FileSink.Failure(path: root + "/content", message: CorpusError.notACorpusFolder(root).description)
      }
      try FileSink.removeTree(root + "/content")
      try FileSink.remove(root + "/needles.tsv")
    }
    try FileSink.write("kirameki-bench corpus output; content/ is replaced on every run\n", to: root + "/" + marker)
  }

  /// Counts of one chunk of entries, or of all.
  struct Tally: Sendable {
    var files = 0
    var translations = 0
    var bytes = 0
    var bodyCharacters = 0
    var shortest = Int.max
    var longest = 0
    var regenerated = 0
    var phraseFiles: [Int]
    var failure: CorpusError?

    init(needles: Int) {
      phraseFiles = Array(repeating: 0, count: needles)
    }

    mutating func add(_ other: Tally) {
      files += other.files
      translations += other.translations
      bytes += other.bytes
      bodyCharacters += other.bodyCharacters
      shortest = min(shortest, other.shortest)
      longest = max(longest, other.longest)
      regenerated += other.regenerated
      for index in phraseFiles.indices { phraseFiles[index] += other.phraseFiles[index] }
      if failure == nil { failure = other.failure }
    }
  }

  /// Generates, checks and writes every entry, in chunks spread over the cores.
  static func generate(_ context: CorpusContext, root: String) -> Tally {
    let count = context.plan.count
    let chunkSize = 128
    let chunks = (count + chunkSize - 1) / chunkSize
    let total = Mutex(Tally(needles: context.needles.count))
    DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
      var tally = Tally(needles: context.needles.count)
      for index in (chunk * chunkSize)..<min(count, (chunk + 1) * chunkSize) {
        do throws(CorpusError) {
          try entry(index, context: context, root: root, tally: &tally)
        } catch {
          tally.failure = error
          break
        }
      }
      total.withLock { $0.add(tally) }
    }
    return total.withLock { $0 }
  }

  static func entry(_ index: Int, context: CorpusContext, root: String, tally: inout Tally) throws(CorpusError) {
    let entry = context.plan[index]
    var files: [GeneratedFile] = []
    var phrases: [[Int]] = []
    var clean = false
    for attempt in 0..<maxAttempts {
      var writer = EntryWriter(corpus: context, entry: entry, attempt: attempt)
      do {
        files = try writer.files()
      } catch {
        throw .schema(error)
      }
      (clean, phrases) = context.scan(files, entry: index)
      if clean {
        tally.regenerated += attempt > 0 ? 1 : 0
        break
      }
    }
    guard clean else { throw .needleCollision(entry: entry.path()) }
    for needle in phrases.joined() { tally.phraseFiles[needle] += 1 }
    for (position, file) in files.enumerated() {
      do {
        try FileSink.write(file.bytes, to: root + "/" + file.path)
      } catch {
        throw .io(error.description)
      }
      tally.files += 1
      tally.translations += position > 0 ? 1 : 0
      tally.bytes += file.bytes.count
      tally.bodyCharacters += file.bodyCharacters
      tally.shortest = min(tally.shortest, file.bodyCharacters)
      tally.longest = max(tally.longest, file.bodyCharacters)
    }
  }
}
