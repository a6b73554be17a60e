/// The content types and their fields as Markdown tables, for the README (a test keeps the
/// README's copy identical to this).
public enum SchemaDocumentation {
  public static func markdown() -> String {
    var out = ""
    for type in ContentTypes.all {
      out += "#### `\(type.name)` — \(type.label.ja) (`content/\(type.section)/`)\n\n"
      out += "| field | type | required | meaning |\n| --- | --- | --- | --- |\n"
      for field in type.fields {
        out +=
          "| `\(field.name)` | \(field.kind.typeName) | \(field.required ? "yes" : "") | \(field.label.en): \(field.help) |\n"
      }
      out += "\n"
    }
    out += "Allowed values:\n\n"
    var seen = Set<String>()
    for type in ContentTypes.all {
      for field in type.fields {
        guard let vocabulary = field.kind.vocabulary, seen.insert(vocabulary.name).inserted else { continue }
        let values = vocabulary.values.map { "`\($0.value)` (\($0.label.ja))" }.joined(separator: ", ")
        out += "- **\(vocabulary.name)**: \(values)\n"
      }
    }
    return out
  }
}
