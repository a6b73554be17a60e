import Foundation
import Schema
import Yams

/// The file `kirameki new` writes: front matter with every field of the type, each under a
/// comment with its Japanese label and help text; required fields hold values that build
/// (text placeholders start with TODO, which `kirameki check` reports until replaced), optional
/// fields are commented out. It starts as a draft, so nothing is published by accident.
public enum EntryScaffold {
  public static func markdown(type: ContentType, title: String, today: LocalDate, language: Language) -> String {
    var lines = [
      "---",
      "# yaml-language-server: $schema=../../\(JSONSchemaExport.folder)/\(JSONSchemaExport.fileName(for: type))",
      "# \(type.label.ja)（\(type.name)）。各項目の上の # 行が説明です。# で始まる項目は任意: 使うときは # を外します。",
    ]
    for field in type.fields where !intakeOnly.contains(field.name) {
      lines += describe(field)
      if let value = value(for: field, title: title, today: today) {
        lines.append("\(field.name): \(value)")
      } else {
        lines.append("# \(field.name): \(example(field.kind, today: today, placeholder: field.label.ja))")
      }
    }
    lines += [
      "---",
      "",
      language == .ja
        ? "TODO: 本文を Markdown で書いてください。見出しは ## から始めます。" : "TODO: write the body in Markdown; headings start at ##.",
      "",
    ]
    return lines.joined(separator: "\n")
  }

  /// Fields only `kirameki-intake` fills in.
  static let intakeOnly: Set<String> = [CommonFields.source.name, CommonFields.submission.name]

  static func describe(_ field: Field) -> [String] {
    var comment = "# \(field.label.ja) — \(field.help)"
    if field.required { comment += "（必須）" }
    var lines = [comment]
    if let vocabulary = field.kind.vocabulary {
      lines.append("#   " + vocabulary.values.map { "\($0.value) = \($0.label.ja)" }.joined(separator: ", "))
    }
    return lines
  }

  /// The value written for a required field (and for draft), or nil to leave the field out.
  static func value(for field: Field, title: String, today: LocalDate) -> String? {
    switch field.name {
    case CommonFields.title.name: return quoted(title)
    case CommonFields.date.name: return today.description
    case CommonFields.draft.name: return "true"
    // A seminar ends after it starts, and an in-person one names its venue (Rules.swift).
    case "end" where field.kind == .datetime: return "\(today)T16:00:00+09:00"
    case "venue": return quoted("TODO: " + field.label.ja)
    default: return field.required ? example(field.kind, today: today, placeholder: field.label.ja) : nil
    }
  }

  /// A value of the field's kind that builds; text says TODO so `check` can find it.
  static func example(_ kind: FieldKind, today: LocalDate, placeholder: String = "") -> String {
    switch kind {
    case .string, .text: return quoted("TODO: " + placeholder)
    case .int: return "0"
    case .bool: return "false"
    case .date: return today.description
    case .datetime: return "\(today)T14:00:00+09:00"
    case .url: return "https://example.org/TODO"
    case .enumeration(let vocabulary): return vocabulary.allowedValues.first ?? "\"\""
    case .list(let element): return "[" + example(element, today: today, placeholder: placeholder) + "]"
    case .object(let fields):
      let members = fields.filter(\.required).map {
        "\($0.name): " + example($0.kind, today: today, placeholder: $0.label.ja)
      }
      return "{" + members.joined(separator: ", ") + "}"
    }
  }

  /// A YAML double-quoted scalar, written by the YAML emitter.
  static func quoted(_ text: String) -> String {
    let node = Node.scalar(Node.Scalar(text, Tag(.str), .doubleQuoted))
    let yaml = (try? Yams.serialize(node: node, allowUnicode: true)) ?? "\"\""
    return yaml.trimmingCharacters(in: .newlines)
  }
}
