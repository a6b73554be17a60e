/// A JSON value as submitted: object members keep their order and duplicates, so a repeated key
/// can be reported instead of silently losing one of its values.
indirect enum JSONValue: Sendable, Hashable {
  case null
  case bool(Bool)
  /// The number exactly as written.
  case number(String)
  case string(String)
  case array([JSONValue])
  case object([JSONMember])
  /// A value the parser skipped and why (too deeply nested, invalid UTF-8, a lone surrogate):
  /// only this value is unusable, the rest of the document still is.
  case invalid(String)
}

struct JSONMember: Sendable, Hashable {
  var key: String
  var value: JSONValue
  /// The byte offset where the member starts, for line numbers in reports.
  var offset: Int
}

extension JSONValue {
  var members: [JSONMember]? {
    if case .object(let members) = self { return members }
    return nil
  }

  subscript(key: String) -> JSONValue? {
    members?.first { $0.key == key }?.value
  }

  var stringValue: String? {
    if case .string(let value) = self { return value }
    return nil
  }
}
