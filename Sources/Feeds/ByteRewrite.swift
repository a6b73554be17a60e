/// One pass over a string's UTF-8 bytes that replaces some of them and copies the runs in
/// between as they are: the escapers of the feeds (XML, JSON) are each a rule for this.
enum ByteRewrite {
  /// What to put in place of the bytes at an index: `length` bytes (a whole character) replaced by
  /// `text`, which may be empty to drop them.
  struct Replacement {
    var length: Int
    var text: String
  }

  /// `text` with each replacement `rule` asks for; `rule` sees every byte that starts no
  /// replaced run and returns nil to keep it.
  /// Inlined, so each escaper's rule is compiled into the loop instead of called per byte.
  @inline(__always)
  static func apply(_ text: String, _ rule: (UnsafeBufferPointer<UInt8>, Int) -> Replacement?) -> String {
    var text = text
    let rewritten = text.withUTF8 { bytes -> String? in
      var out: [UInt8] = []
      var copied = 0
      var index = 0
      while index < bytes.count {
        guard let replacement = rule(bytes, index) else {
          index += 1
          continue
        }
        if out.isEmpty { out.reserveCapacity(bytes.count + 32) }
        out.append(contentsOf: bytes[copied..<index])
        out.append(contentsOf: replacement.text.utf8)
        index += replacement.length
        copied = index
      }
      // Nothing replaced: the text itself, not a copy of it.
      guard copied > 0 else { return nil }
      out.append(contentsOf: bytes[copied...])
      return String(decoding: out, as: UTF8.self)
    }
    return rewritten ?? text
  }
}
