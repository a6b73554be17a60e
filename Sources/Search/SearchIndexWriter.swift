import Assemble
import Crypto
import Foundation
import Load
import Render
import Schema

/// The search-index stage: turns analysed pages into the manifest, token shards, document
/// chunks and facet columns described in docs/search-index.md. Pure: same input, same bytes.
public enum SearchIndexWriter {
  public struct Index: Sendable {
    /// The files, unless they were handed to a sink as they were made.
    public var files: [OutputFile]
    /// Every file's path, in the order of `files` (also when they went to a sink).
    public var paths: [String]
    /// Root-relative URL of the manifest, which every page's search form points at.
    public var manifestURL: String
    public var shardCount: Int
    public var postingCount: Int
  }

  /// Where the index's files go as they are made, instead of being returned.
  public struct Sink {
    public var add: ([OutputFile]) -> Void
    /// Moves every file added below one folder to another (both ending in `/`): the shards are
    /// handed on before the content hash that names their folder is known.
    public var moveFolder: (_ from: String, _ to: String) -> Void

    public init(add: @escaping ([OutputFile]) -> Void, moveFolder: @escaping (_ from: String, _ to: String) -> Void) {
      self.add = add
      self.moveFolder = moveFolder
    }
  }

  /// Where streamed shards wait until their folder's name is known.
  static let provisionalFolder = "search/.shards-in-progress/"

  /// docs/search-index.md's version; the client reads this one only.
  static let formatVersion = 2
  public static let chunkSize = 8
  static let k1 = 1.2
  static let b = 0.75

  /// The index of documents analysed beforehand (the preview keeps them between rebuilds).
  public static func write(_ analysed: [SearchDocument], now: DateTime) -> Index {
    let documents = analysed.sorted(by: indexOrder)
    var postings = PostingsBuilder()
    for document in documents { postings.add(document.termCounts) }
    return write(documents, postings: postings, chunks: ChunkEncoder.files(documents, chunkSize: chunkSize), now: now)
  }

  /// The index of pages, analysed here in id order a batch at a time, so only a batch's terms
  /// are held at once next to the compact postings. A batch's terms are merged while the next
  /// batch is analysed.
  public static func write(pages: [Page], now: DateTime) -> Index {
    var pages = pages
    return write(releasingTextOf: &pages, now: now)
  }

  /// `write(pages:now:)` that empties each page's `document.plainText` once the page is analysed:
  /// the text is then freed while the index is built (at 100k entries ~650 MB that would
  /// otherwise be held beside the postings until the stage ends). The rest of each page is
  /// left as it was.
  /// - Parameter released: called after each batch whose text has been dropped (the build gives
  ///   the freed memory back to the system there).
  /// - Parameter emit: when given, every file is handed to it, in the order of `Index.files`, and
  ///   the returned index holds none. Above `streamingAbove` postings the shards are handed on a
  ///   group at a time as they are encoded, below `provisionalFolder`, and moved to their folder
  ///   once the content hash that names it is known, so the ~200 MB of shards at 100k entries are
  ///   never held at once; below it they are held until the hash is known.
  public static func write(
    releasingTextOf pages: inout [Page], now: DateTime, released: () -> Void = {},
    emit: Sink? = nil, streamingAbove: Int = streamingThreshold
  ) -> Index {
    let order = pages.indices.map { (index: $0, date: SearchDocument.date(of: pages[$0])) }.sorted {
      $0.date != $1.date ? $0.date > $1.date : pages[$0.index].url < pages[$1.index].url
    }.map(\.index)
    let batch = 64 * chunkSize
    /// The pages of the batch starting at `start`, in id order; their text is then dropped from
    /// `pages`, so it is freed as soon as the batch is analysed.
    func take(_ start: Int) -> [Page] {
      let positions = order[min(order.count, start)..<min(order.count, start + batch)]
      let taken = positions.map { pages[$0] }
      for position in positions { pages[position].document.plainText = "" }
      return taken
    }
    @Sendable func analyze(_ pages: [Page], from start: Int) -> AnalysedBatch {
      let parts = OrderedParallel.batches(count: pages.count, size: 4 * chunkSize) { range in
        var counter = TermCounter()
        let documents = range.map { SearchDocument.analyze(pages[$0], counter: &counter) }
        let firstChunk = (start + range.lowerBound) / chunkSize
        return [AnalysedBatch(documents: documents, chunks: ChunkEncoder.files(documents, firstChunk: firstChunk))]
      }
      return AnalysedBatch(documents: parts.flatMap(\.documents), chunks: parts.flatMap(\.chunks))
    }
    let postings = MergingPostings()
    var documents: [SearchDocument] = []
    documents.reserveCapacity(order.count)
    var chunks: [(String, Data)] = []
    var current = analyze(take(0), from: 0)
    var start = 0
    while start < order.count {
      if start > 0 { released() }
      let next = start + batch
      let merging = current
      let nextPages = take(next)
      (current, _) = OrderedParallel.concurrently(
        { analyze(nextPages, from: next) }, { postings.add(merging.documents) })
      // What is kept serves the facets and the document count only: the texts are in the chunks.
      documents += merging.documents.map {
        var summary = $0
        summary.termCounts = SearchTerms()
        (summary.url, summary.title, summary.summary, summary.excerpt) = ("", "", "", "")
        return summary
      }
      chunks += merging.chunks
      start = next
    }
    released()
    return write(
      documents, postings: postings.builder, chunks: chunks, now: now, emit: emit, streamingAbove: streamingAbove)
  }

  /// Postings above which `emit` gets shards as they are encoded rather than held: ~40M postings
  /// make ~90 MB of gzipped shards (about 40k entries of the benchmark corpus).
  public static let streamingThreshold = 40_000_000

  struct AnalysedBatch: Sendable {
    var documents: [SearchDocument]
    var chunks: [(String, Data)]
  }

  /// The postings being built, mutated in place by one merge at a time while the next batch is
  /// analysed (a value captured by the concurrent closure would be copied on every batch).
  final class MergingPostings: @unchecked Sendable {
    private(set) var builder = PostingsBuilder()

    func add(_ documents: [SearchDocument]) {
      for document in documents { builder.add(document.termCounts) }
    }
  }

  static func indexOrder(_ first: SearchDocument, _ second: SearchDocument) -> Bool {
    first.date != second.date ? first.date > second.date : first.url < second.url
  }

  /// Documents in id order, their postings and their chunk files.
  static func write(
    _ documents: [SearchDocument], postings: PostingsBuilder, chunks: [(String, Data)], now: DateTime,
    emit: Sink? = nil, streamingAbove: Int = streamingThreshold
  ) -> Index {
    let shardCount = shards(for: postings.postingCount)
    let encoder = ShardEncoder(postings: postings, shardCount: shardCount)
    // The folder's name hashes every data file: shards, chunks, facets, in this order. A shard
    // counts by its bytes (what a browser reads once it is inflated).
    var hasher = SHA256()
    var shardFiles: [(String, Data)] = []
    let streaming = postings.postingCount > streamingAbove ? emit : nil
    let facets = OrderedParallel.concurrently(
      {
        encoder.encode(keepingBytes: true) { group in
          for shard in group {
            hasher.update(data: Data(shard.name.utf8))
            shard.bytes.withUnsafeBytes { hasher.update(bufferPointer: $0) }
          }
          if let streaming {
            streaming.add(group.map { OutputFile(path: provisionalFolder + $0.name, data: $0.file) })
          } else {
            shardFiles += group.map { ($0.name, $0.file) }
          }
        }
      },
      { Gzip.compress(JSONString.encode(FacetColumns.json(documents, now: now))) }
    ).1
    let tail = chunks + [("facets.json.gz", facets)]
    for (path, data) in tail {
      hasher.update(data: Data(path.utf8))
      hasher.update(data: data)
    }
    let chunk = (documents.count + chunkSize - 1) / chunkSize
    let base = "/search/" + hex(hasher.finalize()).prefix(10) + "/"
    let manifest: [String: Any] = [
      "version": formatVersion, "base": base, "docs": documents.count, "shards": shardCount, "chunkSize": chunkSize,
      "chunks": chunk,
      "fields": [
        "title": SearchDocument.fieldBoosts.title, "headings": SearchDocument.fieldBoosts.headings,
        "body": SearchDocument.fieldBoosts.body,
      ], "bm25": ["k1": k1, "b": b],
    ]
    let manifestData = JSONString.encode(manifest)
    let manifestName = "search/manifest.\(hex(SHA256.hash(data: manifestData)).prefix(10)).json"
    let folder = String(base.dropFirst())
    func named(_ files: [(String, Data)]) -> [OutputFile] {
      files.map { OutputFile(path: folder + $0.0, data: $0.1) }
    }
    var files: [OutputFile] = []
    if let emit {
      if streaming != nil {
        emit.moveFolder(provisionalFolder, folder)
      } else {
        emit.add(named(shardFiles))
        shardFiles = []
      }
      emit.add(named(tail) + [OutputFile(path: manifestName, data: manifestData)])
    } else {
      files = named(shardFiles + tail) + [OutputFile(path: manifestName, data: manifestData)]
    }
    let paths =
      (0..<shardCount).map { folder + ShardEncoder.fileName(bucket: $0) } + tail.map { folder + $0.0 } + [manifestName]
    return Index(
      files: files, paths: paths, manifestURL: "/" + manifestName, shardCount: shardCount,
      postingCount: postings.postingCount)
  }

  /// About 4,000 postings a shard (a few KB gzipped), a power of two between 1 and 4,096.
  static func shards(for postings: Int) -> Int {
    var count = 1
    while count < 4096 && count * 4000 < postings { count *= 2 }
    return count
  }

  static func hex<D: Sequence>(_ digest: D) -> String where D.Element == UInt8 {
    digest.map { String(format: "%02x", $0) }.joined()
  }
}

/// JSON text with sorted keys, so the bytes are stable.
enum JSONString {
  static func encode(_ object: Any) -> Data {
    (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data()
  }
}
