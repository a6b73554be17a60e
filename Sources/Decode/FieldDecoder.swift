import Diagnostics
import Foundation
import Schema
import Yams

/// Checks one YAML node against a field's kind.
enum FieldDecoder {
  static func decodeMapping(
    _ mapping: Node.Mapping, fields: [Field], owner: String?, context: inout EntryDecoder.Context
  ) -> [String: FieldValue] {
    var values: [String: FieldValue] = [:]
    for (keyNode, valueNode) in mapping {
      guard let key = keyNode.string else { continue }
      let qualified = owner.map { "\($0).\(key)" } ?? key
      guard let field = fields.first(where: { $0.name == key }) else {
        let names = fields.map(\.name)
        let hint =
          Suggestions.closest(to: key, in: names).map { "did you mean '\($0)'?" }
          ?? "known fields: " + names.joined(separator: ", ")
        context.warning(at: keyNode, field: qualified, "unknown field '\(qualified)' is ignored", hint: hint)
        continue
      }
      if isNull(valueNode) {
        if field.required {
          context.error(
            at: keyNode, field: qualified, "'\(qualified)' is empty", hint: "give \(field.kind.expectation)")
        }
        continue
      }
      if let value = decode(valueNode, kind: field.kind, name: qualified, required: field.required, context: &context) {
        values[key] = value
      }
    }
    return values
  }

  static func decode(
    _ node: Node, kind: FieldKind, name: String, required: Bool, context: inout EntryDecoder.Context
  ) -> FieldValue? {
    func fail(_ message: String, at target: Node? = nil) -> FieldValue? {
      context.error(at: target ?? node, field: name, message, hint: kind.expectation.capitalizedFirst)
      return nil
    }
    switch kind {
    case .list(let element):
      let items: [Node]
      if let sequence = node.sequence {
        items = Array(sequence)
      } else if node.scalar != nil {
        items = [node]
      } else {
        return fail("'\(name)' must be a list")
      }
      if required && items.isEmpty {
        return fail("'\(name)' needs at least one item")
      }
      var values: [FieldValue] = []
      var seen = Set<FieldValue>()
      for item in items {
        guard let value = decode(item, kind: element, name: name, required: true, context: &context) else { continue }
        if seen.insert(value).inserted { values.append(value) }
      }
      return .list(values)
    case .object(let fields):
      guard let mapping = node.mapping else { return fail("each item of '\(name)' must be a mapping") }
      let values = decodeMapping(mapping, fields: fields, owner: name, context: &context)
      for field in fields where field.required && values[field.name] == nil && mapping[field.name] == nil {
        context.error(
          at: node, field: "\(name).\(field.name)", "'\(name)' item is missing '\(field.name)'",
          hint: "add '\(field.name): …' (\(field.kind.expectation))")
      }
      return .object(values)
    default:
      break
    }
    guard let scalar = node.scalar else {
      return fail("'\(name)' must be a single value, not a list or mapping")
    }
    let text = scalar.string
    switch kind {
    case .string, .text:
      if required && Whitespace.isBlank(text) {
        return fail("'\(name)' is empty")
      }
      return .string(text)
    case .int:
      guard let value = Int(text.trimmingCharacters(in: .whitespaces)) else {
        return fail("'\(name)' must be a whole number, not '\(text)'")
      }
      return .int(value)
    case .bool:
      switch text.lowercased() {
      case "true", "yes": return .bool(true)
      case "false", "no": return .bool(false)
      default: return fail("'\(name)' must be true or false, not '\(text)'")
      }
    case .date:
      guard let date = LocalDate(iso: text) else {
        if DateTime(iso: text) != nil { return fail("'\(name)' is a date without a time: '\(text)'") }
        return fail("'\(name)' is not a valid date: '\(text)'")
      }
      return .date(date)
    case .datetime:
      guard let value = DateTime(iso: text) else {
        if LocalDate(iso: text) != nil {
          return fail("'\(name)' needs a time and UTC offset, not only a date: '\(text)'")
        }
        return fail("'\(name)' is not a valid date and time with offset: '\(text)'")
      }
      return .datetime(value)
    case .url:
      guard isAbsoluteURL(text) else {
        return fail("'\(name)' is not an absolute http(s) URL: '\(text)'")
      }
      return .string(text)
    case .enumeration(let vocabulary):
      if vocabulary.value(text) != nil { return .string(text) }
      var hint = "allowed values: " + vocabulary.allowedValues.joined(separator: ", ")
      if let likely = vocabulary.likelyValue(for: text) {
        hint = "did you mean '\(likely)'? " + hint
      }
      context.error(at: node, field: name, "'\(text)' is not an allowed value of '\(name)'", hint: hint)
      return nil
    case .list, .object:
      return nil
    }
  }

  static func isNull(_ node: Node) -> Bool {
    guard let scalar = node.scalar else { return false }
    return scalar.style == .plain && ["", "~", "null", "Null", "NULL"].contains(scalar.string)
  }

  static func isAbsoluteURL(_ text: String) -> Bool {
    guard text.hasPrefix("https://") || text.hasPrefix("http://"),
      !text.contains(where: { $0.isWhitespace }),
      let url = URL(string: text), let host = url.host, !host.isEmpty
    else { return false }
    return true
  }
}

extension String {
  var capitalizedFirst: String {
    guard let first else { return self }
    return first.uppercased() + dropFirst()
  }
}
