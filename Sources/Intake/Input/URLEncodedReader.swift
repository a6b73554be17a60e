import Foundation

/// `application/x-www-form-urlencoded` bodies, one per non-empty line (a body itself has no
/// line breaks: they are percent-encoded).
public enum URLEncodedReader {
  static func submissions(_ text: String, input: String) -> [Submission] {
    var submissions: [Submission] = []
    // Split on bytes: a body is ASCII, and grapheme-by-grapheme splitting of a huge body is slow.
    for (index, line) in text.utf8.split(separator: 0x0A, omittingEmptySubsequences: false).enumerated() {
      let body = String(decoding: line, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
      guard !body.isEmpty else { continue }
      let (fields, problems) = fields(of: body)
      submissions.append(
        Submission(
          input: input, number: submissions.count + 1, line: index + 1, format: .urlencoded, fields: fields,
          readProblems: problems))
    }
    return submissions
  }

  /// The name/value pairs of one body, in order; names or values that are not valid UTF-8 once
  /// decoded are reported instead.
  public static func fields(of body: String) -> ([SpoolField], [FieldProblem]) {
    var fields: [SpoolField] = []
    var problems: [FieldProblem] = []
    for pair in body.split(separator: "&") where !pair.isEmpty {
      let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
      guard let name = decode(parts[0]) else {
        problems.append(FieldProblem("a field name is not valid percent-encoded UTF-8"))
        continue
      }
      guard let value = decode(parts.count > 1 ? parts[1] : "") else {
        problems.append(FieldProblem(column: name, "the value is not valid percent-encoded UTF-8"))
        continue
      }
      fields.append(SpoolField(name: name, value: value))
    }
    return (fields, problems)
  }

  static func decode(_ text: Substring) -> String? {
    text.replacingOccurrences(of: "+", with: " ").removingPercentEncoding
  }
}
