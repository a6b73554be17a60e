/// One submission as read from an input, before mapping: the names and values in the order they
/// came, and where it came from for the report.
public struct Submission: Sendable, Hashable {
  /// The input it was read from, as given on the command line (`-` for standard input).
  public var input: String
  /// 1-based position of the record in its input.
  public var number: Int
  /// 1-based line where the record starts, when the input has lines.
  public var line: Int?
  public var format: InputFormat
  /// The receiver's submission id, for spooled records.
  public var id: String?
  /// The form named in the record itself (spool records).
  public var form: String?
  /// When it was received, as written in the record (spool records).
  public var receivedAt: String?
  public var fields: [SpoolField]
  /// Problems found while reading that make the record unusable, such as a lone surrogate.
  public var readProblems: [FieldProblem]
  /// Things dropped while reading that the editor should know about, such as an uploaded file.
  public var readWarnings: [FieldProblem]

  public init(
    input: String, number: Int, line: Int?, format: InputFormat, id: String? = nil, form: String? = nil,
    receivedAt: String? = nil, fields: [SpoolField], readProblems: [FieldProblem] = [],
    readWarnings: [FieldProblem] = []
  ) {
    self.input = input
    self.number = number
    self.line = line
    self.format = format
    self.id = id
    self.form = form
    self.receivedAt = receivedAt
    self.fields = fields
    self.readProblems = readProblems
    self.readWarnings = readWarnings
  }
}

/// What is wrong with one field of a record, for the report.
public struct FieldProblem: Sendable, Hashable, Codable {
  /// The schema field, when the problem is about one.
  public var field: String?
  /// The column header or submitted name it came from, when it differs from the field.
  public var column: String?
  public var message: String
  public var hint: String?

  public init(field: String? = nil, column: String? = nil, _ message: String, hint: String? = nil) {
    self.field = field
    self.column = column
    self.message = message
    self.hint = hint
  }
}

/// An input that could not be read at all, or a record too broken to be a submission.
public struct InputError: Error, Sendable, Hashable {
  public var message: String
  public var line: Int?

  public init(_ message: String, line: Int? = nil) {
    self.message = message
    self.line = line
  }
}
