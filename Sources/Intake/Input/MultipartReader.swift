import Foundation

/// One `multipart/form-data` body (RFC 7578), as saved from a request. The boundary is taken
/// from the body's first line. Uploaded files are not accepted: they are reported and dropped,
/// and their file names are never used.
enum MultipartReader {
  static func submission(_ bytes: [UInt8], input: String) throws(InputError) -> Submission {
    guard let firstBreak = bytes.firstIndex(of: 0x0A) else { throw InputError("no multipart boundary line") }
    var boundaryLine = Array(bytes[..<firstBreak])
    if boundaryLine.last == 0x0D { boundaryLine.removeLast() }
    guard boundaryLine.starts(with: [0x2D, 0x2D]), boundaryLine.count > 2 else {
      throw InputError("a multipart body starts with a '--boundary' line", line: 1)
    }
    var fields: [SpoolField] = []
    var problems: [FieldProblem] = []
    var warnings: [FieldProblem] = []
    let delimiter = [0x0D, 0x0A] + boundaryLine
    var cursor = firstBreak + 1
    while cursor < bytes.count {
      let end = find(delimiter, in: bytes, from: cursor) ?? find([0x0A] + boundaryLine, in: bytes, from: cursor)
      guard let end else { throw InputError("the multipart body is never closed") }
      let part = Array(bytes[cursor..<end])
      read(part: part, fields: &fields, problems: &problems, warnings: &warnings)
      var next = end + (bytes[end] == 0x0D ? delimiter.count : boundaryLine.count + 1)
      if next + 1 < bytes.count, bytes[next] == 0x2D, bytes[next + 1] == 0x2D { break }
      while next < bytes.count, bytes[next] != 0x0A { next += 1 }
      cursor = next + 1
    }
    return Submission(
      input: input, number: 1, line: 1, format: .multipart, fields: fields, readProblems: problems,
      readWarnings: warnings)
  }

  private static func read(
    part: [UInt8], fields: inout [SpoolField], problems: inout [FieldProblem], warnings: inout [FieldProblem]
  ) {
    let separator =
      find([0x0D, 0x0A, 0x0D, 0x0A], in: part, from: 0).map { ($0, 4) }
      ?? find([0x0A, 0x0A], in: part, from: 0).map { ($0, 2) }
    guard let (headerEnd, gap) = separator else {
      problems.append(FieldProblem("a multipart part has no blank line after its headers"))
      return
    }
    let headers = String(decoding: part[..<headerEnd], as: UTF8.self)
    guard
      let disposition = headers.split(whereSeparator: \.isNewline)
        .first(where: { $0.lowercased().hasPrefix("content-disposition:") })
    else {
      problems.append(FieldProblem("a multipart part has no Content-Disposition header"))
      return
    }
    let parameters = parameters(String(disposition))
    guard let name = parameters["name"] else {
      problems.append(FieldProblem("a multipart part has no field name"))
      return
    }
    if parameters["filename"] != nil {
      warnings.append(FieldProblem(column: name, "uploaded files are not accepted; the file was dropped"))
      return
    }
    guard let value = String(validating: part[(headerEnd + gap)...], as: UTF8.self) else {
      problems.append(FieldProblem(column: name, "the value is not valid UTF-8"))
      return
    }
    fields.append(SpoolField(name: name, value: value))
  }

  /// `form-data; name="title"; filename="a.txt"` → ["name": "title", "filename": "a.txt"].
  static func parameters(_ header: String) -> [String: String] {
    var result: [String: String] = [:]
    for piece in header.split(separator: ";").dropFirst() {
      let pair = piece.split(separator: "=", maxSplits: 1)
      guard pair.count == 2 else { continue }
      var value = pair[1].trimmingCharacters(in: .whitespaces)
      if value.count >= 2, value.hasPrefix("\""), value.hasSuffix("\"") {
        value = String(value.dropFirst().dropLast()).replacingOccurrences(of: "\\\"", with: "\"")
      }
      result[pair[0].trimmingCharacters(in: .whitespaces).lowercased()] = value
    }
    return result
  }

  static func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
    guard let first = needle.first, haystack.count >= needle.count else { return nil }
    var index = start
    while index <= haystack.count - needle.count {
      if haystack[index] == first, haystack[index..<index + needle.count].elementsEqual(needle) { return index }
      index += 1
    }
    return nil
  }
}
