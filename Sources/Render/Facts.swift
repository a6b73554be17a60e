import Assemble
import Decode
import Schema

/// The fact list shown on an entry page, driven by the type's schema: every field the entry
/// gives, in schema order, labelled and formatted for the page's language.
enum Facts {
  /// Fields shown elsewhere on the page, not in the fact list.
  static let shownElsewhere: Set<String> = [
    "title", "date", "updated", "summary", "draft", "example", "tags", "focus_areas", "tech_areas",
    "clinical_areas", "jp_class", "eu_class", "sources", "order", "menu", "last_reviewed", "related", "aliases",
  ]

  static func list(for entry: Entry, language: Language, now: DateTime) -> [Fields] {
    var facts: [Fields] = []
    if entry.type == ContentTypes.seminar, let start = entry.datetime("start"), let end = entry.datetime("end") {
      facts.append([
        "label": Labels(ja: "日時", en: "Date and time", de: "Datum und Uhrzeit")[language],
        "value": DateFormatting.range(start, end, language),
      ])
    }
    for field in entry.type.ownFields where !shownElsewhere.contains(field.name) {
      if entry.type == ContentTypes.seminar && (field.name == "start" || field.name == "end") { continue }
      guard var value = entry.fields[field.name] else { continue }
      if entry.type == ContentTypes.need && field.name == "status" {
        value = .string(Timeline.needStatus(entry, now: now))
      }
      var fact: Fields = ["label": field.label[language]]
      if case .url = field.kind, let url = value.string {
        fact["href"] = url
        fact["value"] = url
      } else {
        fact["value"] = format(value, kind: field.kind, field: field.name, language: language)
      }
      facts.append(fact)
    }
    return facts
  }

  static func format(_ value: FieldValue, kind: FieldKind, field: String, language: Language) -> String {
    switch (value, kind) {
    case (.string(let text), .enumeration(let vocabulary)):
      return vocabulary.label(text, in: language)
    case (.list(let items), .list(let element)):
      return items.map { format($0, kind: element, field: field, language: language) }
        .joined(separator: language == .ja ? "、" : ", ")
    case (.string(let text), _):
      return text
    case (.int(let number), _):
      if field == "capacity" {
        return UIStrings.fill(Labels(ja: "{n}名", en: "{n} people", de: "{n} Personen"), language, ["n": String(number)])
      }
      if field == "founded" {
        return language == .ja ? "\(number)年" : String(number)
      }
      if field == "employees" {
        return UIStrings.fill(Labels(ja: "{n}名", en: "{n}", de: "{n}"), language, ["n": String(number)])
      }
      return String(number)
    case (.bool(let flag), _):
      return (flag ? UIStrings.yes : UIStrings.no)[language]
    case (.date(let date), _):
      return DateFormatting.date(date, language)
    case (.datetime(let moment), _):
      return DateFormatting.dateTime(moment, language)
    case (.list(let items), _):
      return items.map { format($0, kind: .string, field: field, language: language) }.joined(separator: ", ")
    case (.object(let object), _):
      return object.keys.sorted().compactMap { object[$0]?.string }.joined(separator: " ")
    }
  }
}
