import Schema

/// How long a submitted value may be: intake policy, not schema (a title of ten megabytes is an
/// attack, not a need).
enum SizeLimits {
  /// Longest accepted value in UTF-8 bytes: a one-line field, a multi-line field, the body.
  static let maxLineBytes = 2_000
  static let maxTextBytes = 20_000
  static let maxBodyBytes = 200_000

  static func problems(_ values: [String: [String]], form: IntakeForm, columns: [String: String]) -> [FieldProblem] {
    var problems: [FieldProblem] = []
    for (name, given) in values.sorted(by: { $0.key < $1.key }) {
      let limit: Int
      if name == IntakeFieldName.body {
        limit = maxBodyBytes
      } else if case .text = form.contentType.field(named: name)?.kind {
        limit = maxTextBytes
      } else {
        limit = maxLineBytes
      }
      let size = given.reduce(0) { $0 + $1.utf8.count }
      if size > limit {
        problems.append(
          FieldProblem(
            field: name, column: columns[name], "the value is too long (\(size) bytes, at most \(limit))",
            hint: "shorten it, or send long material to the editors by other means"))
      }
    }
    return problems
  }
}
