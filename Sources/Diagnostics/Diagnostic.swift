/// A problem found in content, configuration or templates, with where it is and how to fix it.
public struct Diagnostic: Sendable, Hashable, Codable {
  public enum Severity: String, Sendable, Hashable, Codable, Comparable {
    case warning
    case error

    public static func < (lhs: Severity, rhs: Severity) -> Bool {
      lhs == .warning && rhs == .error
    }
  }

  public var severity: Severity
  public var location: SourceLocation
  /// The front-matter field or other named part the problem is about, when there is one.
  public var field: String?
  public var message: String
  public var hint: String?

  public init(
    _ severity: Severity, at location: SourceLocation, field: String? = nil, _ message: String,
    hint: String? = nil
  ) {
    self.severity = severity
    self.location = location
    self.field = field
    self.message = message
    self.hint = hint
  }

  public static func error(
    at location: SourceLocation, field: String? = nil, _ message: String, hint: String? = nil
  ) -> Diagnostic {
    Diagnostic(.error, at: location, field: field, message, hint: hint)
  }

  public static func warning(
    at location: SourceLocation, field: String? = nil, _ message: String, hint: String? = nil
  ) -> Diagnostic {
    Diagnostic(.warning, at: location, field: field, message, hint: hint)
  }
}

extension Array where Element == Diagnostic {
  public var hasErrors: Bool { contains { $0.severity == .error } }

  /// Diagnostics in a stable order: by file, then line, then column, then message.
  public func sorted() -> [Diagnostic] {
    sorted {
      ($0.location.path, $0.location.line, $0.location.column, $0.message)
        < ($1.location.path, $1.location.line, $1.location.column, $1.message)
    }
  }
}

extension Diagnostic: Error {}
