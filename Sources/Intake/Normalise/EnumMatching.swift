import Foundation
import Schema

/// Finds an allowed value from what a person chose: the value itself or its ja, en or de label,
/// compared after NFKC and case folding.
enum EnumMatching {
  static func value(_ text: String, in vocabulary: Vocabulary) -> String? {
    let key = fold(text)
    guard !key.isEmpty else { return nil }
    return vocabulary.values.first { names(of: $0).contains(key) }?.value
  }

  /// Every way a value may be written, folded.
  static func names(of value: EnumValue) -> [String] {
    [value.value, value.label.ja, value.label.en, value.label.de].map(fold)
  }

  static func fold(_ text: String) -> String {
    TextForms.compatible(text).lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
  }
}

/// Splits one cell that holds several answers. Separators are `、` `,` `;` (and their full-width
/// forms `，` `；`) and line breaks; for an enumerated list, a known label is taken whole first, so
/// labels that contain a separator (`Perinatal, pediatric and preventive medicine`,
/// `周産期・小児医療、予防医療`) survive.
enum ListSplitting {
  static let separators: Set<Character> = ["、", ",", ";", "，", "；", "\n", "\r\n", "\r"]
  static let textSeparators: Set<Character> = ["\n", "\r\n", "\r", ";", "；"]

  static func items(_ cell: String, element: FieldKind) -> [String] {
    guard let vocabulary = element.vocabulary else {
      // Free-text lists (speakers, exhibitions) may contain commas: only lines and semicolons split.
      return cell.split(whereSeparator: { textSeparators.contains($0) }).map {
        $0.trimmingCharacters(in: .whitespaces)
      }.filter { !$0.isEmpty }
    }
    var items: [String] = []
    var rest = Substring(EnumMatching.fold(cell))
    let names = vocabulary.values.flatMap { value in EnumMatching.names(of: value).map { ($0, value.value) } }
      .sorted { $0.0.count > $1.0.count }
    while true {
      rest = rest.drop { separators.contains($0) || $0.isWhitespace }
      guard !rest.isEmpty else { break }
      if let (name, _) = names.first(where: { name, _ in
        rest.hasPrefix(name) && (rest.count == name.count || isBoundary(rest.dropFirst(name.count).first))
      }) {
        items.append(String(rest.prefix(name.count)))
        rest = rest.dropFirst(name.count)
      } else {
        let token = rest.prefix { !separators.contains($0) }
        items.append(token.trimmingCharacters(in: .whitespaces))
        rest = rest.dropFirst(token.count)
      }
    }
    return items
  }

  static func isBoundary(_ next: Character?) -> Bool {
    guard let next else { return true }
    return separators.contains(next) || next.isWhitespace
  }
}
