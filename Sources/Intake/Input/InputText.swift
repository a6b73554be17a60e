import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Turns an input's bytes into text: UTF-8 with or without a byte-order mark, or CP932 as
/// Japanese Excel saves CSV. Foundation on Linux cannot decode Shift_JIS, so CP932 goes through
/// the C library's iconv.
enum InputText {
  enum Encoding: String, Sendable {
    case utf8 = "UTF-8"
    case cp932 = "CP932"
  }

  static func decode(_ bytes: [UInt8]) -> (String, Encoding)? {
    var body = bytes[...]
    if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
    if let text = String(validating: body, as: UTF8.self) { return (text, .utf8) }
    if let text = fromCP932(Array(body)) { return (text, .cp932) }
    return nil
  }

  /// nil when the bytes are not valid CP932 either.
  static func fromCP932(_ bytes: [UInt8]) -> String? {
    let converter = iconv_open("UTF-8", "CP932")
    guard converter != iconv_t(bitPattern: -1) else { return nil }
    defer { iconv_close(converter) }
    var input = bytes.map { CChar(bitPattern: $0) }
    // CP932 characters are at most 2 bytes and become at most 3 bytes of UTF-8.
    var output = [CChar](repeating: 0, count: bytes.count * 2 + 4)
    let written: Int? = input.withUnsafeMutableBufferPointer { inBuffer in
      output.withUnsafeMutableBufferPointer { outBuffer in
        var inPointer = inBuffer.baseAddress
        var inLeft = inBuffer.count
        var outPointer = outBuffer.baseAddress
        var outLeft = outBuffer.count
        let result = iconv(converter, &inPointer, &inLeft, &outPointer, &outLeft)
        guard result != -1, inLeft == 0 else { return nil }
        return outBuffer.count - outLeft
      }
    }
    guard let written else { return nil }
    return String(validating: output[..<written].map { UInt8(bitPattern: $0) }, as: UTF8.self)
  }
}
