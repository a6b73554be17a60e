/// A document's distinct tokens with their field-weighted counts, packed: 12 bytes a token
/// instead of a `[String: Double]` entry. Boosts are whole numbers, so the counts are exact.
public struct SearchTerms: Sendable, Equatable {
  var keys: [TokenKey] = []
  var counts: [UInt32] = []
  /// The text of the long words `keys` point at.
  var words: [String] = []
  /// The field-weighted length in tokens.
  public internal(set) var length: UInt32 = 0

  public var count: Int { keys.count }

  /// Each token's text with its weighted count.
  public var weights: [String: Double] {
    var out: [String: Double] = [:]
    for (key, count) in zip(keys, counts) { out[key.text(words: words), default: 0] += Double(count) }
    return out
  }
}

/// Tokenises the normalised scalars of a document's fields straight into packed keys (the rules
/// of `SearchText.tokens` with `index: true`) and counts them. Reused across documents.
struct TermCounter: ScalarSink {
  private var table = TermTable(capacity: 2048)
  private var words: [String] = []
  private var wordIndex: [String: Int] = [:]
  private var length: UInt32 = 0
  private var boost: UInt32 = 1
  private var previousCJK: Unicode.Scalar?
  private var word: [UInt8] = []
  private var wordKind = SearchText.Kind.separator

  init() {
    word.reserveCapacity(64)
  }

  mutating func add(_ text: String, boost: UInt32) {
    self.boost = boost
    NormalizedScalars.forEach(in: text, into: &self)
    endRun()
  }

  /// The terms counted since the last call, leaving the counter empty.
  mutating func take() -> SearchTerms {
    let terms = SearchTerms(
      keys: table.keys.map(TokenKey.init(raw:)), counts: table.values, words: words, length: length)
    table.removeAll()
    words.removeAll(keepingCapacity: true)
    wordIndex.removeAll(keepingCapacity: true)
    length = 0
    return terms
  }

  @inline(__always)
  private mutating func count(_ key: TokenKey) {
    table.add(boost, to: key.raw)
    length &+= boost
  }

  mutating func accept(_ scalar: Unicode.Scalar) {
    let kind = SearchText.kind(scalar)
    switch kind {
    case .cjk:
      flushWord()
      if let previous = previousCJK { count(.cjk(previous, scalar)) }
      count(.cjk(scalar))
      previousCJK = scalar
    case .letter, .digit:
      previousCJK = nil
      if kind != wordKind { flushWord() }
      wordKind = kind
      appendUTF8(scalar)
    case .separator:
      endRun()
    }
  }

  private mutating func endRun() {
    flushWord()
    previousCJK = nil
  }

  @inline(__always)
  private mutating func appendUTF8(_ scalar: Unicode.Scalar) {
    if scalar.value < 0x80 {
      word.append(UInt8(scalar.value))
    } else if let encoded = UTF8.encode(scalar) {
      word.append(contentsOf: encoded)
    }
  }

  /// Called before every CJK scalar, mostly with no word pending, so that case is inlined and
  /// does not touch the buffer (emptying an empty one still costs a uniqueness check).
  @inline(__always)
  private mutating func flushWord() {
    if word.isEmpty {
      wordKind = .separator
    } else {
      flushPendingWord()
    }
  }

  private mutating func flushPendingWord() {
    defer {
      word.removeAll(keepingCapacity: true)
      wordKind = .separator
    }
    if word.count <= TokenKey.maxShortWordBytes {
      count(word.withUnsafeBufferPointer(TokenKey.shortWord))
      return
    }
    let text = String(decoding: word, as: UTF8.self)
    let index = wordIndex[text] ?? words.count
    if index == words.count {
      words.append(text)
      wordIndex[text] = index
    }
    count(.longWord(index))
  }
}
