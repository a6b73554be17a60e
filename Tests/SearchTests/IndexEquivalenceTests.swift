import Assemble
import Foundation
import Load
import Render
import Schema
import Testing

@testable import Search

@Suite struct IndexEquivalenceTests {
  let now = DateTime(iso: "2026-11-25T12:00:00+09:00") ?? DateTime(epochSeconds: 0, offsetSeconds: 0)

  /// More pages than one analysis batch, with shared dates so URL order breaks ties.
  func pages(_ count: Int) -> [Page] {
    let config = SiteConfig(
      title: Labels(ja: "ハブ", en: "Hub"), tagline: Labels(ja: "", en: ""), baseURL: "https://x.example/",
      languages: [.ja], pageSize: 10, theme: "default")
    let types = [ContentTypes.need, ContentTypes.guide, ContentTypes.news]
    let inputs = (0..<count).map { number in
      let text = trickyTexts[number % trickyTexts.count]
      return searchPage(
        types[number % types.count], "p\(number)", title: "\(text) \(number)",
        body: "## 見出し\(number % 7)\n\n\(text)\n\n内視鏡 word\(number) \(trickyTexts[(number * 7) % trickyTexts.count])",
        date: "2026-\(String(format: "%02d", number % 12 + 1))-01")
    }
    return Assembler.assemble(inputs, config: config, now: now).0.pages
  }

  @Test func pagesAnalysedInBatchesGiveTheSameFilesAsAnalysedDocuments() {
    let pages = pages(1200)
    let streamed = SearchIndexWriter.write(pages: pages, now: now)
    let analysed = SearchIndexWriter.write(pages.map(SearchDocument.analyze), now: now)
    #expect(streamed.files == analysed.files)
    #expect(streamed.postingCount == analysed.postingCount)
    #expect(streamed.manifestURL == analysed.manifestURL)
  }

  /// The build's path: each page's text is dropped once analysed and every file is handed on as
  /// it is made (the shards below a provisional folder, moved once the folder's hash is known).
  /// The files, their order and the manifest are those of the in-memory index.
  /// Below the threshold the shards are held and handed on when the hash is known.
  @Test(arguments: [0, SearchIndexWriter.streamingThreshold])
  func filesHandedOnAsTheyAreMadeAreTheInMemoryIndex(streamingAbove: Int) {
    let pages = pages(1200)
    let inMemory = SearchIndexWriter.write(pages: pages, now: now)
    var released = pages
    var emitted: [[OutputFile]] = []
    var moves: [(String, String)] = []
    var releases = 0
    let sink = SearchIndexWriter.Sink(
      add: { emitted.append($0) },
      moveFolder: { from, to in
        moves.append((from, to))
        emitted = emitted.map { group in
          group.map { file in
            var file = file
            if file.path.hasPrefix(from) { file.path = to + file.path.dropFirst(from.count) }
            return file
          }
        }
      })
    let streamed = SearchIndexWriter.write(
      releasingTextOf: &released, now: now, released: { releases += 1 }, emit: sink, streamingAbove: streamingAbove)
    #expect(streamed.files.isEmpty)
    #expect(emitted.flatMap { $0 } == inMemory.files)
    #expect(moves.count == (streamingAbove == 0 ? 1 : 0))
    #expect(moves.allSatisfy { $0.0 == SearchIndexWriter.provisionalFolder && inMemory.files[0].path.hasPrefix($0.1) })
    #expect(emitted.count > 1, "the shards and the rest are handed on in pieces")
    #expect(streamed.paths == inMemory.files.map(\.path))
    #expect(inMemory.paths == inMemory.files.map(\.path))
    #expect(streamed.manifestURL == inMemory.manifestURL)
    #expect(streamed.postingCount == inMemory.postingCount && streamed.shardCount == inMemory.shardCount)
    #expect(releases > 1)
    #expect(pages.contains { !$0.document.plainText.isEmpty })
    #expect(released.allSatisfy { $0.document.plainText.isEmpty }, "every page's text is dropped")
    #expect(released.map(\.document.html) == pages.map(\.document.html))
    #expect(released.map(\.url) == pages.map(\.url))
  }

  @Test(arguments: [1, 3, 8, 4096])
  func shardsEncodedInGroupsAreTheSame(groupSize: Int) {
    let documents = pages(300).map(SearchDocument.analyze)
    var postings = PostingsBuilder()
    for document in documents { postings.add(document.termCounts) }
    let encoder = ShardEncoder(postings: postings, shardCount: 16)
    var groups: [[ShardEncoder.Shard]] = []
    encoder.encode(groupSize: groupSize) { groups.append($0) }
    let whole = encoder.files()
    #expect(groups.count == (16 + groupSize - 1) / groupSize)
    #expect(groups.flatMap { $0 }.map(\.name) == whole.map(\.0))
    #expect(groups.flatMap { $0 }.map(\.file) == whole.map(\.1))
    #expect(whole.map(\.0) == (0..<16).map { "t/\($0).bin.gz" })
    // The bytes kept beside the files (what the folder hash is made of) are what they hold, inflated.
    var both: [ShardEncoder.Shard] = []
    encoder.encode(groupSize: groupSize, keepingBytes: true) { both += $0 }
    #expect(both.map(\.name) == whole.map(\.0))
    #expect(both.map(\.file) == whole.map(\.1))
    #expect(both.allSatisfy { !$0.bytes.isEmpty })
    #expect(both.map { Data($0.bytes) } == whole.map { Gzip.decompress($0.1) })
  }

  @Test func documentsKeepTheirWeightedTerms() throws {
    let page = try #require(pages(3).first)
    let document = SearchDocument.analyze(page)
    let reference = referenceCounts([
      (page.entry.title, 5), (page.document.toc.map(\.text).joined(separator: "\n"), 2), (page.document.plainText, 1),
    ])
    #expect(document.terms == reference)
    #expect(document.length == reference.values.reduce(0, +))
  }

  @Test func chunkJSONIsWhatJSONSerializationWrites() throws {
    let documents = pages(20).map(SearchDocument.analyze)
    var strange = documents[0]
    strange.title = (0..<0x20).map { String(UnicodeScalar(UInt8($0))) }.joined() + "\"\\/\u{7F}\u{2028}\u{2029}😀é"
    strange.summary = "a/b \"c\" \\d\te\r\nf"
    let slice = ([strange] + documents.prefix(7))[...]
    let items: [[String: Any]] = slice.map {
      [
        "u": $0.url, "t": $0.title, "y": $0.type, "l": $0.language.rawValue, "d": $0.date.description,
        "s": $0.summary, "x": $0.excerpt,
      ]
    }
    let expected = try JSONSerialization.data(withJSONObject: items, options: [.sortedKeys, .withoutEscapingSlashes])
    #expect(Data(ChunkEncoder.json(slice)) == expected)
  }

  @Test(arguments: [
    "", "\n\n", "one line", "a\nb\r\nc\u{2028}d\u{85}e", "\n\nlead\n\n\ntrail\n", "a\n\u{301}b", "\u{600}\n\u{301}x",
    String(repeating: "内視鏡\n", count: 200), String(repeating: "\u{600}\n\u{301}", count: 300),
    String(repeating: "🇯🇵\n🇩🇪", count: 200),
    // The scalar walk: the cut at 240, a mark right after it, CR LF, and a mark late in the text.
    String(repeating: "薬機法の届出\r\n", count: 60), String(repeating: "あ", count: 240) + "\u{3099}",
    String(repeating: "あ", count: 239) + "\n\u{3099}", String(repeating: "ab ", count: 79) + "c\u{301}",
    String(repeating: "©®한국어 Кирилица\n", count: 30), String(repeating: "x", count: 200) + "\u{301}",
  ])
  func excerptJoinsLinesLikeSplitAndJoin(text: String) {
    #expect(SearchDocument.scalarExcerpt(text).map { $0 == SearchDocument.excerpt(text) } ?? true)
    let reference = String(text.split(whereSeparator: \.isNewline).joined(separator: " ").prefix(240))
    #expect(SearchDocument.excerpt(text) == reference)
  }
}
