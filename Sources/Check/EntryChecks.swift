import Assemble
import Decode
import Diagnostics
import Schema

/// Checks on entries that need the whole site or the current date: postings past their expiry
/// still marked open, placeholders left from `kirameki new`, translations missing or behind
/// their original.
enum EntryChecks {
  /// Values `kirameki new` writes for an editor to replace.
  static let placeholderMarker = "TODO"

  static func diagnostics(site: Site) -> [Diagnostic] {
    site.pages.flatMap { expiredButOpen($0.entry, now: site.now) + placeholders($0.entry) }
      + translations(site: site)
  }

  static func expiredButOpen(_ entry: Entry, now: DateTime) -> [Diagnostic] {
    guard entry.type.name == ContentTypes.need.name, let status = entry.string("status"),
      let expires = entry.date("expires"), Timeline.needStatus(entry, now: now) == "expired", status != "expired"
    else { return [] }
    return [
      .warning(
        at: entry.location(of: "status"), field: "status",
        "the posting expired on \(expires) but its status is still '\(status)'",
        hint: "set 'status: expired' (or closed), or move 'expires' later if it is still open")
    ]
  }

  static func placeholders(_ entry: Entry) -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    for (name, value) in entry.fields.sorted(by: { $0.key < $1.key }) where contains(value, placeholderMarker) {
      diagnostics.append(
        .warning(
          at: entry.location(of: name), field: name, "'\(name)' still holds a placeholder from 'kirameki new'",
          hint: "replace the \(placeholderMarker) value, or delete the line if the field is optional"))
    }
    let bodyLines = entry.body.split(separator: "\n", omittingEmptySubsequences: false)
    if let index = bodyLines.firstIndex(where: { $0.contains(placeholderMarker + ":") }) {
      diagnostics.append(
        .warning(
          at: SourceLocation(
            path: entry.path, line: entry.bodyLine + index, column: 1, lineText: String(bodyLines[index])),
          "the body still holds a placeholder from 'kirameki new'", hint: "write the body in place of the TODO lines"))
    }
    return diagnostics
  }

  static func contains(_ value: FieldValue, _ marker: String) -> Bool {
    switch value {
    case .string(let text): text.hasPrefix(marker)
    case .list(let items): items.contains { contains($0, marker) }
    case .object(let object): object.values.contains { contains($0, marker) }
    default: false
    }
  }

  /// Language versions of one entry: a translation group with more than one language should
  /// have every site language, and no translation should be older than its original (the first
  /// site language present, Japanese on this hub).
  static func translations(site: Site) -> [Diagnostic] {
    var groups: [String: [Entry]] = [:]
    for page in site.pages { groups[page.entry.type.section + "/" + page.entry.id, default: []].append(page.entry) }
    var diagnostics: [Diagnostic] = []
    for key in groups.keys.sorted() {
      guard let entries = groups[key], entries.count > 1 else { continue }
      let present = Set(entries.map(\.language))
      guard
        let original = site.config.languages.lazy.compactMap({ language in entries.first { $0.language == language } })
          .first
      else { continue }
      let missing = site.config.languages.filter { !present.contains($0) }
      if !missing.isEmpty {
        let names = missing.map { "\($0.englishName) (\($0.rawValue))" }.joined(separator: ", ")
        diagnostics.append(
          .warning(
            at: SourceLocation(path: original.path),
            "no \(names) translation, though \(present.sorted().map(\.rawValue).joined(separator: ", ")) exist",
            hint: "add " + missing.map { "\(original.id).\($0.rawValue).md" }.joined(separator: ", ")))
      }
      let originalDate = lastChange(original)
      for entry in entries where entry.language != original.language && lastChange(entry) < originalDate {
        let field = entry.date("updated") == nil ? "date" : "updated"
        diagnostics.append(
          .warning(
            at: entry.location(of: field), field: field,
            "this translation (\(lastChange(entry))) is older than its \(original.language.englishName) original, changed \(originalDate)",
            hint: "compare with \(original.path), bring the translation up to date and set 'updated: \(originalDate)'"))
      }
    }
    return diagnostics
  }

  static func lastChange(_ entry: Entry) -> LocalDate {
    entry.date("updated") ?? entry.date
  }
}

extension Language {
  fileprivate var englishName: String {
    switch self {
    case .ja: "Japanese"
    case .en: "English"
    case .de: "German"
    }
  }
}
