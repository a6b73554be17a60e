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
