/// The escape a JSON string needs for one UTF-8 byte: the quote, the backslash and the C0
/// controls (short forms where JSON has them), or nil for a byte written as it is. JSON-LD here
/// and the feeds' JSON add their own rules on top (`/`, U+2028 and U+2029).
public enum JSONEscape {
  @inlinable
  public static func escape(_ byte: UInt8) -> String? {
    switch byte {
    case UInt8(ascii: "\""): "\\\""
    case UInt8(ascii: "\\"): "\\\\"
    case 0x08: "\\b"
    case 0x0C: "\\f"
    case 0x0A: "\\n"
    case 0x0D: "\\r"
    case 0x09: "\\t"
    case 0x00..<0x20: "\\u00" + (byte < 0x10 ? "0" : "") + String(byte, radix: 16)
    default: nil
    }
  }
}
