import Foundation
import Intake

/// `application/x-www-form-urlencoded` as browsers send it: `+` for space, percent-escaped UTF-8.
enum URLEncodedBody {
  static func fields(_ body: Data) throws(SubmissionParseError) -> [SpoolField] {
    var fields: [SpoolField] = []
    for pair in body.split(separator: UInt8(ascii: "&"), omittingEmptySubsequences: true) {
      let parts = pair.split(separator: UInt8(ascii: "="), maxSplits: 1, omittingEmptySubsequences: false)
      let name = try decode(parts[0])
      let value = parts.count > 1 ? try decode(parts[1]) : ""
      fields.append(SpoolField(name: name, value: value))
    }
    return fields
  }

  static func decode(_ bytes: Data.SubSequence) throws(SubmissionParseError) -> String {
    var output: [UInt8] = []
    output.reserveCapacity(bytes.count)
    var index = bytes.startIndex
    while index < bytes.endIndex {
      let byte = bytes[index]
      if byte == UInt8(ascii: "+") {
        output.append(UInt8(ascii: " "))
      } else if byte == UInt8(ascii: "%"), index + 2 < bytes.endIndex,
        let high = hexValue(bytes[index + 1]), let low = hexValue(bytes[index + 2])
      {
        output.append(high << 4 | low)
        index += 2
      } else {
        output.append(byte)
      }
      index += 1
    }
    guard let text = String(validating: output, as: UTF8.self) else { throw .notUTF8 }
    return text
  }

  static func hexValue(_ byte: UInt8) -> UInt8? {
    switch byte {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
    case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
    case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
    default: nil
    }
  }
}
