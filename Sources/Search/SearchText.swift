import Foundation

/// The one normalisation and tokenisation of search text (see docs/search-index.md). The theme's
/// search.js implements the same rules; shared vectors keep the two identical.
public enum SearchText {
  /// NFKC, lowercase, katakana folded to hiragana.
  public static func normalize(_ text: String) -> String {
    var collected = CollectedScalars()
    NormalizedScalars.forEach(in: text, into: &collected)
    return String(collected.scalars)
  }

  private struct CollectedScalars: ScalarSink {
    var scalars = String.UnicodeScalarView()
    mutating func accept(_ scalar: Unicode.Scalar) { scalars.append(scalar) }
  }

  enum Kind {
    case cjk
    case letter
    case digit
    case separator
  }

  @inline(__always)
  static func kind(_ scalar: Unicode.Scalar) -> Kind {
    switch scalar.value {
    case 0x61...0x7A, 0x41...0x5A: return .letter
    case 0x30...0x39: return .digit
    case 0...0x7F: return .separator
    case 0x3005...0x3007, 0x309D...0x309E, 0x30FC, 0x3041...0x3096, 0x30A1...0x30FA, 0x3400...0x4DBF,
      0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x323AF:
      return .cjk
    default:
      break
    }
    let category = scalar.properties.generalCategory
    if category.isLetter { return .letter }
    if category.isNumber { return .digit }
    return .separator
  }

  /// Tokens of normalised text. `index: true` adds every character of a Japanese run alone, so a
  /// one-character query is an exact lookup.
  public static func tokens(_ normalized: String, index: Bool) -> [String] {
    var tokens: [String] = []
    var run: [Unicode.Scalar] = []
    var runKind: Kind = .separator
    func flush() {
      defer {
        run.removeAll(keepingCapacity: true)
        runKind = .separator
      }
      guard !run.isEmpty else { return }
      if runKind == .cjk {
        if run.count == 1 {
          tokens.append(String(String.UnicodeScalarView(run)))
          return
        }
        for position in 0..<(run.count - 1) {
          tokens.append(String(String.UnicodeScalarView(run[position...position + 1])))
        }
        if index { tokens += run.map { String($0) } }
      } else {
        tokens.append(String(String.UnicodeScalarView(run)))
      }
    }
    for scalar in normalized.unicodeScalars {
      let kind = kind(scalar)
      if kind == .separator {
        flush()
        continue
      }
      if kind != runKind { flush() }
      runKind = kind
      run.append(scalar)
    }
    flush()
    return tokens
  }

  /// FNV-1a, 32 bits, over UTF-8: picks a token's shard from its first character.
  public static func fnv1a32<S: Sequence>(_ bytes: S) -> UInt32 where S.Element == UInt8 {
    var hash: UInt32 = 2_166_136_261
    for byte in bytes {
      hash ^= UInt32(byte)
      hash = hash &* 16_777_619
    }
    return hash
  }

  /// A Japanese token's shard comes from the whole token, so common first characters do not pile
  /// up in one shard; a word's from its first two characters, so a prefix being typed finds it.
  public static func bucket(of token: String, shards: Int) -> Int {
    guard let first = token.unicodeScalars.first else { return 0 }
    let key = kind(first) == .cjk ? token : String(String.UnicodeScalarView(token.unicodeScalars.prefix(2)))
    return Int(fnv1a32(key.utf8) % UInt32(max(1, shards)))
  }
}

extension Unicode.GeneralCategory {
  var isLetter: Bool {
    switch self {
    case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter: true
    default: false
    }
  }

  var isNumber: Bool {
    switch self {
    case .decimalNumber, .letterNumber, .otherNumber: true
    default: false
    }
  }
}
