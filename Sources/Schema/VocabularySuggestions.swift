import Diagnostics
import Foundation

extension Vocabulary {
  /// The allowed value an editor most likely meant: one whose label (ja, en or de) they wrote,
  /// else the closest by spelling, else the only value that starts with or contains the word as
  /// a part (`laser` → `laser_photonics`).
  public func likelyValue(for written: String) -> String? {
    let folded = Self.fold(written)
    guard !folded.isEmpty else { return nil }
    if let labelled = values.first(where: { entry in
      Language.allCases.contains { Self.fold(entry.label[$0]) == folded }
    }) {
      return labelled.value
    }
    if let close = Suggestions.closest(to: written, in: allowedValues) { return close }
    let partial = allowedValues.filter { value in
      value.hasPrefix(folded) || value.split(separator: "_").contains { $0 == folded }
    }
    return partial.count == 1 ? partial[0] : nil
  }

  static func fold(_ text: String) -> String {
    text.precomposedStringWithCompatibilityMapping.trimmingCharacters(in: .whitespaces).lowercased()
  }
}
