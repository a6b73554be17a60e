/// The type of a front-matter field.
public indirect enum FieldKind: Sendable, Hashable {
  case string
  case text
  case int
  case bool
  /// A calendar date, `2026-12-03`.
  case date
  /// A date and time with a UTC offset, `2026-12-03T14:00:00+09:00`.
  case datetime
  /// An absolute http(s) URL.
  case url
  case enumeration(Vocabulary)
  case list(FieldKind)
  /// A mapping with its own fields, such as a guide's source.
  case object([Field])

  /// How the expected format is described to an editor in a hint.
  public var expectation: String {
    switch self {
    case .string, .text: "a text"
    case .int: "a whole number, such as 40"
    case .bool: "true or false"
    case .date: "a date written YYYY-MM-DD, such as 2026-12-03"
    case .datetime: "a date and time with its offset, such as 2026-12-03T14:00:00+09:00"
    case .url: "an absolute URL starting with https://"
    case .enumeration(let vocabulary): "one of: " + vocabulary.allowedValues.joined(separator: ", ")
    case .list(let element): "a list, each item " + element.expectation
    case .object(let fields): "a mapping with " + fields.map(\.name).joined(separator: ", ")
    }
  }

  /// A short name for documentation tables.
  public var typeName: String {
    switch self {
    case .string: "string"
    case .text: "text"
    case .int: "int"
    case .bool: "bool"
    case .date: "date"
    case .datetime: "datetime"
    case .url: "url"
    case .enumeration(let vocabulary): "enum (\(vocabulary.name))"
    case .list(let element): "list of \(element.typeName)"
    case .object(let fields): "{" + fields.map(\.name).joined(separator: ", ") + "}"
    }
  }

  public var vocabulary: Vocabulary? {
    switch self {
    case .enumeration(let vocabulary): vocabulary
    case .list(let element): element.vocabulary
    default: nil
    }
  }
}

/// One front-matter field of a content type.
public struct Field: Sendable, Hashable {
  public var name: String
  public var kind: FieldKind
  public var required: Bool
  public var label: Labels
  /// Editor-facing help, in Japanese first: shown in `kirameki new` and in docs.
  public var help: String

  public init(
    _ name: String, _ kind: FieldKind, required: Bool = false, label: Labels, help: String
  ) {
    self.name = name
    self.kind = kind
    self.required = required
    self.label = label
    self.help = help
  }
}
