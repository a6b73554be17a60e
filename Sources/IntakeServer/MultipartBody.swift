import Foundation
import Intake

/// `multipart/form-data` (RFC 7578) with text parts only; a file upload is refused, since no form
/// of the hub asks for one.
enum MultipartBody {
  static func fields(_ body: Data, boundary: String) throws(SubmissionParseError) -> [SpoolField] {
    let malformed = SubmissionParseError(
      ja: "multipart/form-data の形式が正しくありません。", en: "The multipart/form-data body is malformed.")
    let delimiter = Data(("--" + boundary).utf8)
    var fields: [SpoolField] = []
    guard var cursor = body.range(of: delimiter)?.upperBound else { throw malformed }
    while true {
      // After a delimiter: `--` ends the body, CRLF starts a part.
      let rest = body[cursor...]
      if rest.starts(with: Data("--".utf8)) { break }
      guard rest.starts(with: Data("\r\n".utf8)) else { throw malformed }
      let partStart = cursor + 2
      guard let next = body.range(of: Data("\r\n".utf8) + delimiter, in: partStart..<body.endIndex) else {
        throw malformed
      }
      let part = body[partStart..<next.lowerBound]
      guard let headerEnd = part.range(of: Data("\r\n\r\n".utf8)) else { throw malformed }
      guard let headers = String(validating: part[part.startIndex..<headerEnd.lowerBound], as: UTF8.self) else {
        throw .notUTF8
      }
      let disposition = headers.split(separator: "\r\n").first { $0.lowercased().hasPrefix("content-disposition:") }
      guard let disposition, let name = parameter("name", in: String(disposition)) else { throw malformed }
      if parameter("filename", in: String(disposition)) != nil {
        throw SubmissionParseError(
          ja: "ファイルの添付は受け付けていません。", en: "File attachments are not accepted.")
      }
      guard let value = String(validating: part[headerEnd.upperBound...], as: UTF8.self) else { throw .notUTF8 }
      fields.append(SpoolField(name: name, value: value))
      cursor = next.upperBound
    }
    return fields
  }

  /// A `name="value"` parameter of a Content-Disposition header.
  static func parameter(_ key: String, in header: String) -> String? {
    for piece in header.split(separator: ";").dropFirst() {
      let pair = piece.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
      guard pair.count == 2, pair[0].lowercased() == key else { continue }
      var value = pair[1]
      if value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 { value = String(value.dropFirst().dropLast()) }
      return value.replacingOccurrences(of: "%22", with: "\"")
    }
    return nil
  }
}
