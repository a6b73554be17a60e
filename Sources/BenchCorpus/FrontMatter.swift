import Schema

/// The generator and the schema disagree: the schema gained a required field the generator does
/// not write, or a field changed its type.
public struct SchemaDrift: Error, CustomStringConvertible {
  public var type: String
  public var problems: [String]

  public var description: String {
    "the corpus generator is out of date with the '\(type)' schema: " + problems.joined(separator: "; ")
  }
}

/// A content type's fields by name, and the allowed values of its enumerated fields, read from
/// the `Schema` module when the generator starts (so generated values cannot drift from it).
struct TypeSchema: Sendable {
  let type: ContentType
  let fields: [String: Field]
  let required: [String]

  init(_ type: ContentType) {
    self.type = type
    var fields: [String: Field] = [:]
    for field in type.fields { fields[field.name] = field }
    self.fields = fields
    required = type.fields.filter(\.required).map(\.name)
  }

  /// Allowed values of an enumerated field (or list of them); empty when the schema has no such
  /// field, so the generator leaves it out.
  func values(_ name: String) -> [String] {
    fields[name]?.kind.vocabulary?.allowedValues ?? []
  }

  /// The Japanese, English and German labels of a value.
  func label(_ name: String, _ value: String) -> Labels {
    fields[name]?.kind.vocabulary?.value(value)?.label ?? Labels(ja: value, en: value, de: value)
  }
}

/// Writes YAML front matter field by field, only fields the schema knows, and checks at the end
/// that every required field was written with a value of the right kind.
struct FrontMatter {
  enum Written {
    case string, int, bool, date, datetime, url, enumeration, enumerationList, stringList, sources
  }

  let schema: TypeSchema
  private(set) var text = "---\n"
  private var written: [(String, Written)] = []

  init(schema: TypeSchema) {
    self.schema = schema
  }

  private mutating func key(_ name: String, _ kind: Written) -> Bool {
    guard schema.fields[name] != nil else { return false }
    written.append((name, kind))
    text += name
    text += kind == .sources ? ":" : ": "
    return true
  }

  mutating func string(_ name: String, _ value: String) {
    guard key(name, .string) else { return }
    text += Self.quoted(value) + "\n"
  }

  mutating func url(_ name: String, _ value: String) {
    guard key(name, .url) else { return }
    text += Self.quoted(value) + "\n"
  }

  mutating func int(_ name: String, _ value: Int) {
    guard key(name, .int) else { return }
    text += "\(value)\n"
  }

  mutating func bool(_ name: String, _ value: Bool) {
    guard key(name, .bool) else { return }
    text += value ? "true\n" : "false\n"
  }

  mutating func date(_ name: String, _ value: LocalDate) {
    guard key(name, .date) else { return }
    text += "\(value)\n"
  }

  /// A date and time in Japan (+09:00).
  mutating func datetime(_ name: String, _ date: LocalDate, hour: Int, minute: Int) {
    guard key(name, .datetime) else { return }
    text += "\(date)T\(Self.two(hour)):\(Self.two(minute)):00+09:00\n"
  }

  /// One value, which the caller took from `schema.values(name)`.
  mutating func enumeration(_ name: String, _ value: String) {
    guard key(name, .enumeration) else { return }
    text += value + "\n"
  }

  mutating func enumerationList(_ name: String, _ values: [String]) {
    guard !values.isEmpty, key(name, .enumerationList) else { return }
    text += "[" + values.joined(separator: ", ") + "]\n"
  }

  mutating func stringList(_ name: String, _ values: [String]) {
    guard !values.isEmpty, key(name, .stringList) else { return }
    text += "[" + values.map(Self.quoted).joined(separator: ", ") + "]\n"
  }

  mutating func sources(_ name: String, _ items: [(title: String, url: String, publisher: String)]) {
    guard !items.isEmpty, key(name, .sources) else { return }
    text += "\n"
    for item in items {
      text += "  - title: \(Self.quoted(item.title))\n    url: \(Self.quoted(item.url))\n"
      text += "    publisher: \(Self.quoted(item.publisher))\n"
    }
  }

  /// The front matter with its closing line, or the ways it no longer fits the schema.
  func finish() throws(SchemaDrift) -> String {
    var problems: [String] = []
    let names = Set(written.map(\.0))
    for name in schema.required where !names.contains(name) {
      problems.append("required field '\(name)' is not generated")
    }
    for (name, kind) in written {
      guard let field = schema.fields[name], !Self.fits(kind, field.kind) else { continue }
      problems.append("'\(name)' is generated as \(kind) but the schema says \(field.kind.typeName)")
    }
    guard problems.isEmpty else { throw SchemaDrift(type: schema.type.name, problems: problems) }
    return text + "---\n"
  }

  static func fits(_ written: Written, _ kind: FieldKind) -> Bool {
    switch (written, kind) {
    case (.string, .string), (.string, .text), (.int, .int), (.bool, .bool), (.date, .date),
      (.datetime, .datetime), (.url, .url), (.enumeration, .enumeration), (.enumerationList, .list(.enumeration)),
      (.stringList, .list(.string)), (.sources, .list(.object)):
      return true
    default:
      return false
    }
  }

  /// A YAML double-quoted scalar.
  static func quoted(_ value: String) -> String {
    var out = "\""
    for character in value {
      switch character {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\t": out += "\\t"
      default: out.append(character)
      }
    }
    return out + "\""
  }

  static func two(_ value: Int) -> String {
    value < 10 ? "0\(value)" : "\(value)"
  }
}
