import Schema

/// A front-matter value checked against its field's kind.
public indirect enum FieldValue: Sendable, Hashable {
  case string(String)
  case int(Int)
  case bool(Bool)
  case date(LocalDate)
  case datetime(DateTime)
  case list([FieldValue])
  case object([String: FieldValue])

  public var string: String? {
    if case .string(let value) = self { return value }
    return nil
  }
}
