import Foundation
import Schema

/// Turns submitted text into the form a field's kind expects. It only reshapes values; whether a
/// value is acceptable is decided by the build's own decoder (`EntryDecoder`), so anything this
/// cannot read is passed on as text and rejected there with the schema's message.
enum ValueNormaliser {
  /// `values` are the answers given for one field, in order (a multi-select may repeat a name).
  static func normalise(_ values: [String], kind: FieldKind) -> DraftValue? {
    switch kind {
    case .list(let element):
      let items = values.flatMap { ListSplitting.items($0, element: element) }.compactMap { scalar($0, kind: element) }
      return items.isEmpty ? nil : .list(items)
    default:
      let given = values.filter { !$0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
      guard !given.isEmpty else { return nil }
      if given.count > 1 { return .list(given.map { .text($0) }) }  // the decoder reports "must be a single value"
      return scalar(given[0], kind: kind)
    }
  }

  static func scalar(_ raw: String, kind: FieldKind) -> DraftValue? {
    let compatible = TextForms.compatible(raw)
    switch kind {
    case .string:
      let line = TextForms.singleLine(raw)
      return line.isEmpty ? nil : .text(line)
    case .text:
      let text = TextForms.body(TextForms.foldWidth(raw))
      return text.isEmpty ? nil : .text(text)
    case .int:
      return integer(compatible).map { .plain(String($0)) } ?? .text(compatible)
    case .bool:
      return boolean(compatible).map { .plain($0 ? "true" : "false") } ?? .text(compatible)
    case .date:
      return DateParsing.date(compatible).map { .plain($0.description) } ?? .text(compatible)
    case .datetime:
      return DateParsing.dateTime(compatible).map { .plain($0.description) } ?? .text(compatible)
    case .url:
      return compatible.isEmpty ? nil : .text(compatible)
    case .enumeration(let vocabulary):
      return EnumMatching.value(compatible, in: vocabulary).map { .plain($0) } ?? .text(compatible)
    case .list, .object:
      return .text(compatible)
    }
  }

  /// `1,200`, `120名`, `120人`, `1965年` → the number.
  static func integer(_ text: String) -> Int? {
    var digits = text.replacingOccurrences(of: ",", with: "")
    for unit in ["名", "人", "年", "社"] where digits.hasSuffix(unit) {
      digits = String(digits.dropLast(unit.count)).trimmingCharacters(in: .whitespaces)
    }
    return Int(digits)
  }

  static let yes: Set<String> = ["はい", "yes", "true", "ja", "y", "1", "あり", "有", "済", "○", "◯"]
  static let no: Set<String> = ["いいえ", "no", "false", "nein", "n", "0", "なし", "無", "未", "×"]

  static func boolean(_ text: String) -> Bool? {
    let word = text.lowercased()
    if yes.contains(word) { return true }
    if no.contains(word) { return false }
    return nil
  }
}
