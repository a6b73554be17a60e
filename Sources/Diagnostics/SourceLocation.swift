/// A position in a file: 1-based line and column (columns count Unicode scalars, as YAML does).
/// `lineText` keeps the source line so a diagnostic can show it with a caret.
public struct SourceLocation: Sendable, Hashable, Codable {
  public var path: String
  public var line: Int
  public var column: Int
  public var lineText: String?

  public init(path: String, line: Int = 0, column: Int = 0, lineText: String? = nil) {
    self.path = path
    self.line = line
    self.column = column
    self.lineText = lineText
  }

  /// A location for a whole file, when no line applies.
  public static func file(_ path: String) -> SourceLocation {
    SourceLocation(path: path)
  }
}
