import Mustache

/// Escapes `{{name}}` values as swift-mustache's HTML content type does (< > & " ' as
/// &lt; &gt; &amp; &quot; &#39;), but over UTF-8 bytes: the library walks Characters through a
/// dictionary, which was a quarter of all template time. Text without those five characters is
/// returned as it is.
struct HTMLEscaping: MustacheContentType {
  /// The name `Theme.load` registers it under and puts in each template's `{{% CONTENT_TYPE }}`.
  static let name = "KIRAMEKI_HTML"

  func escapeText(_ text: String) -> String {
    var text = text
    return text.withUTF8 { bytes in
      guard let first = bytes.firstIndex(where: Self.needsEscape) else { return nil }
      var out = [UInt8]()
      out.reserveCapacity(bytes.count + 16)
      out.append(contentsOf: bytes[..<first])
      for byte in bytes[first...] {
        switch byte {
        case UInt8(ascii: "<"): out.append(contentsOf: "&lt;".utf8)
        case UInt8(ascii: ">"): out.append(contentsOf: "&gt;".utf8)
        case UInt8(ascii: "&"): out.append(contentsOf: "&amp;".utf8)
        case UInt8(ascii: "\""): out.append(contentsOf: "&quot;".utf8)
        case UInt8(ascii: "'"): out.append(contentsOf: "&#39;".utf8)
        default: out.append(byte)
        }
      }
      return String(decoding: out, as: UTF8.self)
    } ?? text
  }

  private static func needsEscape(_ byte: UInt8) -> Bool {
    byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "&") || byte == UInt8(ascii: "\"")
      || byte == UInt8(ascii: "'")
  }
}
