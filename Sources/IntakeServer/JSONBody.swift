import Foundation
import Intake

/// A JSON object of strings, numbers, booleans and arrays of those (a multi-select); nulls are
/// skipped. JSON objects keep no order, so fields follow the form's order, then the rest by name.
enum JSONBody {
  static func fields(_ body: Data, order: [String]) throws(SubmissionParseError) -> [SpoolField] {
    let object: [String: Entry]
    do {
      object = try JSONDecoder().decode([String: Entry].self, from: body)
    } catch {
      throw SubmissionParseError(
        ja: "JSON として読めませんでした。値は文字・数値・真偽値か、その配列の一つのオブジェクトで送ってください。",
        en: "The body is not a JSON object whose values are strings, numbers, booleans or arrays of those.")
    }
    let rank = Dictionary(order.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
    let names = object.keys.sorted { (rank[$0] ?? Int.max, $0) < (rank[$1] ?? Int.max, $1) }
    return names.flatMap { name in (object[name]?.values ?? []).map { SpoolField(name: name, value: $0) } }
  }

  /// One value: a scalar, an array of scalars, or null (no values).
  struct Entry: Decodable {
    var values: [String]

    init(from decoder: any Decoder) throws {
      let container = try decoder.singleValueContainer()
      if container.decodeNil() {
        values = []
      } else if let items = try? container.decode([Scalar?].self) {
        values = items.compactMap { $0?.text }
      } else {
        values = [try container.decode(Scalar.self).text]
      }
    }
  }

  struct Scalar: Decodable {
    var text: String

    init(from decoder: any Decoder) throws {
      let container = try decoder.singleValueContainer()
      if let value = try? container.decode(Bool.self) {
        text = value ? "true" : "false"
      } else if let value = try? container.decode(Int.self) {
        text = String(value)
      } else if let value = try? container.decode(Double.self) {
        text = String(value)
      } else {
        text = try container.decode(String.self)
      }
    }
  }
}
