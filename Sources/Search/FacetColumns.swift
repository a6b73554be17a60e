import Assemble
import Decode
import Foundation
import Schema

/// Per-document facet values in compact columns (see docs/search-index.md).
enum FacetColumns {
  struct Column: Sendable {
    var name: String
    var values: [String]
    var multi: Bool
    var label: Labels
    var valueLabel: @Sendable (String, Language) -> String
    var extract: @Sendable (SearchDocument, DateTime) -> [String]
  }

  static func vocabularyColumn(_ name: String, _ field: String, _ vocabulary: Vocabulary, label: Labels, multi: Bool)
    -> Column
  {
    Column(
      name: name, values: (multi ? [] : [""]) + vocabulary.allowedValues, multi: multi, label: label,
      valueLabel: { vocabulary.label($0, in: $1) },
      extract: { document, _ in multi ? document.entry.strings(field) : [document.entry.string(field) ?? ""] })
  }

  static let statusLabels: [String: Labels] = [
    "upcoming": Labels(ja: "開催予定", en: "Upcoming", de: "Bevorstehend"),
    "past": Labels(ja: "終了", en: "Past", de: "Vergangen"),
  ]

  static let columns: [Column] = [
    Column(
      name: "type", values: ContentTypes.all.map(\.name), multi: false,
      label: Labels(ja: "種類", en: "Type", de: "Art"),
      valueLabel: { value, language in ContentTypes.all.first { $0.name == value }?.label[language] ?? value },
      extract: { document, _ in [document.type] }),
    Column(
      name: "lang", values: Language.allCases.map(\.rawValue), multi: false,
      label: Labels(ja: "言語", en: "Language", de: "Sprache"),
      valueLabel: { value, _ in Language(rawValue: value)?.endonym ?? value },
      extract: { document, _ in [document.language.rawValue] }),
    Column(
      name: "status", values: ["", "upcoming", "past"] + Vocabularies.needStatus.allowedValues, multi: false,
      label: Labels(ja: "状況", en: "Status", de: "Status"),
      valueLabel: { value, language in
        statusLabels[value]?[language] ?? Vocabularies.needStatus.label(value, in: language)
      },
      extract: { document, now in
        switch document.entry.type {
        case ContentTypes.seminar: [Timeline.seminarTiming(document.entry, now: now) == .past ? "past" : "upcoming"]
        case ContentTypes.need: [Timeline.needStatus(document.entry, now: now)]
        default: [""]
        }
      }),
    vocabularyColumn(
      "kind", "kind", Vocabularies.needKinds, label: Labels(ja: "種別", en: "Kind", de: "Art"), multi: false),
    vocabularyColumn(
      "involvement", "medical_involvement", Vocabularies.medicalInvolvement,
      label: Labels(ja: "医療分野への関わり", en: "Medical involvement", de: "Bezug zur Medizintechnik"), multi: false),
    vocabularyColumn(
      "focus", "focus_areas", Vocabularies.focusAreas, label: CommonFields.focusAreas.label, multi: true),
    vocabularyColumn("tech", "tech_areas", Vocabularies.techAreas, label: SharedFields.techAreas.label, multi: true),
    vocabularyColumn(
      "clinical", "clinical_areas", Vocabularies.clinicalAreas, label: SharedFields.clinicalAreas.label, multi: true),
    vocabularyColumn("jp_class", "jp_class", Vocabularies.jpClasses, label: SharedFields.jpClass.label, multi: true),
    vocabularyColumn("eu_class", "eu_class", Vocabularies.euClasses, label: SharedFields.euClass.label, multi: true),
    vocabularyColumn(
      "cert", "certifications", Vocabularies.certifications,
      label: Labels(ja: "認証", en: "Certifications", de: "Zertifizierungen"), multi: true),
  ]

  /// Bytes per document of a multi-valued column's little-endian bit mask: as few as its values need.
  static func width(_ column: Column) -> Int {
    column.values.count <= 8 ? 1 : column.values.count <= 16 ? 2 : 4
  }

  /// The facets file's JSON object.
  static func json(_ documents: [SearchDocument], now: DateTime) -> [String: Any] {
    var object: [String: Any] = [:]
    var labels: [String: [String: Any]] = [:]
    for column in columns {
      var bytes = Data()
      for document in documents {
        let values = column.extract(document, now)
        if column.multi {
          var mask: UInt32 = 0
          for value in values {
            if let index = column.values.firstIndex(of: value), index < 32 { mask |= 1 << UInt32(index) }
          }
          for byte in 0..<width(column) { bytes.append(UInt8(truncatingIfNeeded: mask >> UInt32(8 * byte))) }
        } else {
          bytes.append(UInt8(column.values.firstIndex(of: values.first ?? "") ?? 0))
        }
      }
      var entry: [String: Any] = ["values": column.values, "docs": bytes.base64EncodedString()]
      if column.multi {
        entry["multi"] = true
        entry["bytes"] = width(column)
      }
      object[column.name] = entry
      for language in Language.allCases {
        var names = labels[language.rawValue]?["names"] as? [String: String] ?? [:]
        names[column.name] = column.label[language]
        var values: [String: String] = [:]
        for value in column.values where !value.isEmpty { values[value] = column.valueLabel(value, language) }
        var perLanguage = labels[language.rawValue] ?? [:]
        perLanguage["names"] = names
        perLanguage[column.name] = values
        labels[language.rawValue] = perLanguage
      }
    }
    object["labels"] = labels
    return object
  }
}
