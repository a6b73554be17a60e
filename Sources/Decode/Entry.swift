import Diagnostics
import Schema

/// A content entry whose front matter has been checked against its type's schema.
public struct Entry: Sendable, Hashable {
  public var type: ContentType
  public var id: String
  public var language: Language
  /// Path relative to the site root, for diagnostics and links back to the source.
  public var path: String
  public var title: String
  public var date: LocalDate
  public var draft: Bool
  /// Every field given in front matter, by name, including the common ones.
  public var fields: [String: FieldValue]
  public var body: String
  public var bodyLine: Int
  /// Where each top-level field's value starts in the file, for diagnostics found after decoding.
  public var fieldPositions: [String: FilePosition] = [:]

  public init(
    type: ContentType, id: String, language: Language, path: String, title: String, date: LocalDate,
    draft: Bool, fields: [String: FieldValue], body: String, bodyLine: Int
  ) {
    self.type = type
    self.id = id
    self.language = language
    self.path = path
    self.title = title
    self.date = date
    self.draft = draft
    self.fields = fields
    self.body = body
    self.bodyLine = bodyLine
  }

  public func string(_ name: String) -> String? {
    fields[name]?.string
  }

  public func int(_ name: String) -> Int? {
    if case .int(let value) = fields[name] { return value }
    return nil
  }

  public func bool(_ name: String) -> Bool {
    if case .bool(let value) = fields[name] { return value }
    return false
  }

  public func date(_ name: String) -> LocalDate? {
    if case .date(let value) = fields[name] { return value }
    return nil
  }

  public func datetime(_ name: String) -> DateTime? {
    if case .datetime(let value) = fields[name] { return value }
    return nil
  }

  /// A list of strings (or enum values); empty when absent.
  public func strings(_ name: String) -> [String] {
    guard case .list(let items) = fields[name] else { return [] }
    return items.compactMap(\.string)
  }

  public func objects(_ name: String) -> [[String: FieldValue]] {
    guard case .list(let items) = fields[name] else { return [] }
    return items.compactMap {
      if case .object(let object) = $0 { return object }
      return nil
    }
  }

  public var isExample: Bool { bool("example") }
}

/// A 1-based line and column (in Unicode scalars) in a content file.
public struct FilePosition: Sendable, Hashable {
  public var line: Int
  public var column: Int

  public init(line: Int, column: Int) {
    self.line = line
    self.column = column
  }
}

extension Entry {
  /// Where a field's value is, for a diagnostic found after decoding (the whole file when the
  /// field is absent).
  public func location(of field: String) -> SourceLocation {
    guard let position = fieldPositions[field] else { return .file(path) }
    return SourceLocation(path: path, line: position.line, column: position.column)
  }
}
