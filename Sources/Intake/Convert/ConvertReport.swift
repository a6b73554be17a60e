import Foundation

/// What happened to every record and input: the command prints it, `--json` as JSON.
public struct ConvertReport: Sendable, Codable {
  public var records: [RecordResult] = []
  /// Inputs that could not be read at all.
  public var unreadable: [UnreadableInput] = []

  public enum Status: String, Sendable, Codable {
    case written
    /// A draft for this submission already exists; nothing was written.
    case present
    /// The record names another form; it is left for that form's run.
    case skipped
    case rejected
  }

  public struct RecordResult: Sendable, Codable {
    public var input: String
    public var record: Int
    public var line: Int?
    public var status: Status
    public var submission: String?
    /// The draft's path (written or already present), relative to the current folder.
    public var path: String?
    /// The private record's path, when one was written.
    public var privatePath: String?
    public var problems: [FieldProblem]
    public var warnings: [FieldProblem]

    enum CodingKeys: String, CodingKey {
      case input, record, line, status, submission, path
      case privatePath = "private_path"
      case problems, warnings
    }
  }

  public struct UnreadableInput: Sendable, Codable {
    public var input: String
    public var line: Int?
    public var message: String
  }

  public enum ExitCode {
    public static let success: Int32 = 0
    public static let someRejected: Int32 = 1
    public static let unreadableInput: Int32 = 2
    public static let usage: Int32 = 64
  }

  /// 2 when an input could not be read, else 1 when a record was rejected, else 0.
  public var exitCode: Int32 {
    if !unreadable.isEmpty { return ExitCode.unreadableInput }
    if records.contains(where: { $0.status == .rejected }) { return ExitCode.someRejected }
    return ExitCode.success
  }

  public func count(_ status: Status) -> Int {
    records.filter { $0.status == status }.count
  }

  public func json() -> String {
    struct Output: Encodable {
      var records: [RecordResult]
      var unreadable: [UnreadableInput]
      var summary: [String: Int]
      var exitCode: Int32
      enum CodingKeys: String, CodingKey {
        case records, unreadable, summary
        case exitCode = "exit_code"
      }
    }
    let summary = Dictionary(
      uniqueKeysWithValues: [Status.written, .present, .skipped, .rejected].map { ($0.rawValue, count($0)) })
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    let data =
      (try? encoder.encode(Output(records: records, unreadable: unreadable, summary: summary, exitCode: exitCode)))
      ?? Data("{}".utf8)
    return String(decoding: data, as: UTF8.self)
  }

  /// One line per record and input, then a summary line.
  public func text() -> String {
    var lines: [String] = []
    for input in unreadable {
      lines.append("\(input.input)\(input.line.map { ":\($0)" } ?? ""): unreadable: \(input.message)")
    }
    for record in records {
      let place = "\(record.input)\(record.line.map { ":\($0)" } ?? "") record \(record.record)"
      switch record.status {
      case .written: lines.append("\(place): written \(record.path ?? "")")
      case .present: lines.append("\(place): already present \(record.path ?? "")")
      case .skipped: lines.append("\(place): skipped, \(record.problems.first?.message ?? "")")
      case .rejected: lines.append("\(place): rejected")
      }
      for problem in record.problems where record.status == .rejected {
        lines.append("  error: " + Self.describe(problem))
      }
      for warning in record.warnings { lines.append("  warning: " + Self.describe(warning)) }
    }
    lines.append(
      "\(count(.written)) written, \(count(.present)) already present, \(count(.rejected)) rejected, "
        + "\(count(.skipped)) skipped, \(unreadable.count) unreadable inputs")
    return lines.joined(separator: "\n") + "\n"
  }

  static func describe(_ problem: FieldProblem) -> String {
    var place = ""
    if let field = problem.field { place = field }
    if let column = problem.column { place += place.isEmpty ? "'\(column)'" : " (column '\(column)')" }
    var text = place.isEmpty ? problem.message : "\(place): \(problem.message)"
    if let hint = problem.hint { text += " — \(hint)" }
    // One line per problem, and no control characters from submitted names reach the terminal.
    let scalars = text.unicodeScalars.map { scalar -> String in
      if scalar == "\n" { return "\\n" }
      return scalar.value < 0x20 || scalar.value == 0x7F ? "\u{FFFD}" : String(scalar)
    }
    return scalars.joined()
  }
}
