import Foundation

/// Collects every token's postings as documents arrive in id order, compactly: per token a byte
/// list of varint pairs (document-id delta, weighted count). Weights need the average length of
/// all documents, so they are computed only when the shards are written.
struct PostingsBuilder {
  /// Token key → token number; the value slot holds the id of the token's last document.
  private var tokens = TermTable(capacity: 1 << 15)
  private var postings = PostingLists()
  /// Each token's number of postings (its document frequency).
  private(set) var postingCounts: [UInt32] = []
  private var words: [String] = []
  private var wordIndex: [String: Int] = [:]
  private(set) var lengths: [UInt32] = []
  private(set) var postingCount = 0

  var documentCount: Int { lengths.count }

  /// Adds the next document's terms; its id is the number of documents added before it.
  mutating func add(_ terms: SearchTerms) {
    let document = UInt32(lengths.count)
    lengths.append(terms.length)
    for (key, count) in zip(terms.keys, terms.counts) {
      let token = tokens.entry(for: globalKey(key, words: terms.words).raw)
      if token == postings.count {
        _ = postings.appendList()
        postingCounts.append(0)
      }
      postingCounts[token] &+= 1
      let delta = document - tokens[entry: token]
      tokens[entry: token] = document
      postings.appendVarint(delta, to: token)
      postings.appendVarint(count, to: token)
    }
    postingCount += terms.keys.count
  }

  /// A long word's key points into the document's own table; re-point it into the builder's.
  @inline(__always)
  private mutating func globalKey(_ key: TokenKey, words local: [String]) -> TokenKey {
    guard key.isLongWord, local.indices.contains(key.longWordIndex) else { return key }
    let text = local[key.longWordIndex]
    if let index = wordIndex[text] { return .longWord(index) }
    wordIndex[text] = words.count
    words.append(text)
    return .longWord(words.count - 1)
  }

  /// Every token's text, by token number.
  func tokenTexts() -> [String] {
    tokens.keys.map { TokenKey(raw: $0).text(words: words) }
  }

  /// At least the bytes of a token's postings (see `PostingLists.storedBytes(of:)`).
  func storedBytes(of token: Int) -> Int {
    postings.storedBytes(of: token)
  }

  /// Calls `body` with each (document id, weighted count) of a token, in id order.
  @inline(__always)
  func forEachPosting(of token: Int, _ body: (UInt32, UInt32) -> Void) {
    var document: UInt32 = 0
    var isCount = false
    postings.forEachVarint(of: token) { value in
      if isCount {
        body(document, value)
      } else {
        document += value
      }
      isCount.toggle()
    }
  }
}
