import Foundation
import Schema

/// JSON Schema (draft 2020-12) for each content type's front matter, from the same schema the
/// build validates with, so editors' YAML tooling completes and checks fields as they type.
public enum JSONSchemaExport {
  public static let folder = "schema"

  public static func fileName(for type: ContentType) -> String { "\(type.name).schema.json" }

  /// Every type's schema file, path relative to the site root → contents.
  public static func files() -> [(path: String, contents: String)] {
    ContentTypes.all.map { (folder + "/" + fileName(for: $0), document(for: $0)) }
  }

  public static func document(for type: ContentType) -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    let data = (try? encoder.encode(schema(for: type))) ?? Data()
    return String(decoding: data, as: UTF8.self) + "\n"
  }

  static func schema(for type: ContentType) -> JSONValue {
    var root = object(type.fields)
    root["$schema"] = .string("https://json-schema.org/draft/2020-12/schema")
    root["$id"] = .string(fileName(for: type))
    root["title"] = .string("\(type.label.ja)（\(type.name)）の front matter")
    root["description"] = .string(
      "content/\(type.section)/<id>.<ja|en|de>.md の --- で囲まれた部分。\(type.label.en) front matter for Kirameki.")
    return .object(root)
  }

  static func object(_ fields: [Field]) -> [String: JSONValue] {
    var properties: [String: JSONValue] = [:]
    for field in fields { properties[field.name] = property(field) }
    var object: [String: JSONValue] = [
      "type": .string("object"),
      "properties": .object(properties),
      "additionalProperties": .bool(false),
    ]
    let required = fields.filter(\.required).map { JSONValue.string($0.name) }
    if !required.isEmpty { object["required"] = .array(required) }
    return object
  }

  static func property(_ field: Field) -> JSONValue {
    var schema = kind(field.kind)
    schema["title"] = .string(field.label.ja + " / " + field.label.en)
    schema["description"] = .string(field.help)
    return .object(schema)
  }

  static func kind(_ kind: FieldKind) -> [String: JSONValue] {
    switch kind {
    case .string, .text:
      return ["type": .string("string"), "minLength": .int(1)]
    case .int:
      return ["type": .string("integer")]
    case .bool:
      return ["type": .string("boolean")]
    case .date:
      return ["type": .string("string"), "format": .string("date"), "pattern": .string(#"^\d{4}-\d{2}-\d{2}$"#)]
    case .datetime:
      return [
        "type": .string("string"), "format": .string("date-time"),
        "pattern": .string(#"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?([+-]\d{2}:\d{2}|Z)$"#),
      ]
    case .url:
      return ["type": .string("string"), "format": .string("uri"), "pattern": .string("^https?://")]
    case .enumeration(let vocabulary):
      return [
        "enum": .array(vocabulary.values.map { .string($0.value) }),
        // Shown by editors (VS Code's YAML support) next to each allowed value.
        "enumDescriptions": .array(vocabulary.values.map { .string($0.label.ja + " / " + $0.label.en) }),
      ]
    case .list(let element):
      return ["type": .string("array"), "items": .object(Self.kind(element))]
    case .object(let fields):
      return object(fields)
    }
  }
}
