import Foundation
import Schema

/// Maps one submission through the form's mapping and normalises its values: the draft, or the
/// reasons it cannot become one. Schema validation happens afterwards, in `DraftValidator`.
enum DraftBuilder {
  enum Outcome {
    case draft(Draft, warnings: [FieldProblem])
    /// The record belongs to another form (a spool folder holds all forms).
    case otherForm(String)
    case rejected([FieldProblem], warnings: [FieldProblem])
  }

  static func build(_ submission: Submission, form: IntakeForm, mapping: FieldMapping, now: DateTime) -> Outcome {
    if let other = submission.form, other != form.name { return .otherForm(other) }
    var problems = submission.readProblems
    var warnings = submission.readWarnings
    var values: [String: [String]] = [:]
    var columns: [String: String] = [:]
    for field in submission.fields {
      switch mapping.target(of: field.name) {
      case .field(let target):
        if field.value.utf8.contains(0) || field.name.utf8.contains(0) {
          problems.append(FieldProblem(field: target, column: field.name, "the value contains a NUL byte"))
          continue
        }
        values[target, default: []].append(field.value)
        if field.name != target { columns[target] = field.name }
      case .ignored:
        continue
      case .unknown:
        warnings.append(
          FieldProblem(
            column: String(field.name.prefix(80)), "unknown field is not kept",
            hint: "map it in intake/\(form.name).yaml if it belongs to a field"))
      }
    }
    func column(_ name: String) -> String? { columns[name] }
    func joined(_ name: String) -> String? {
      let given = (values[name] ?? []).filter { !$0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
      return given.isEmpty ? nil : given.joined(separator: "\n\n")
    }

    if let bait = joined(IntakeFieldName.honeypot) {
      problems.append(
        FieldProblem(
          field: IntakeFieldName.honeypot, "the hidden field is filled in (\(bait.prefix(40))…): treated as spam"))
    }
    problems += SizeLimits.problems(values, form: form, columns: columns)

    var language = Language.default
    if let raw = joined(IntakeFieldName.language) {
      if let chosen = Language(rawValue: TextForms.compatible(raw).lowercased()) {
        language = chosen
      } else {
        problems.append(
          FieldProblem(
            field: IntakeFieldName.language, column: column(IntakeFieldName.language),
            "'\(raw.prefix(40))' is not a site language", hint: "one of ja, en, de"))
      }
    }

    var receivedAt = now
    if let raw = submission.receivedAt ?? joined(FieldMapping.Special.receivedAt) {
      if let moment = DateParsing.dateTime(raw)
        ?? DateParsing.date(raw).map({
          DateTime(date: $0, hour: 0, minute: 0, offsetSeconds: DateTime.jstOffset)
        })
      {
        receivedAt = moment
      } else {
        problems.append(
          FieldProblem(
            field: FieldMapping.Special.receivedAt, column: column(FieldMapping.Special.receivedAt),
            "'\(raw.prefix(40))' is not a date and time", hint: "such as 2026-11-25T15:04:05+09:00 or 2026/11/25 15:04")
        )
      }
    }

    // A receiver id is unique across forms; an id column (a form service's response number) is
    // not, and need and seed share a folder, so it gets the form's name in front.
    let givenID = submission.id ?? joined(FieldMapping.Special.id).map { "\(form.name)-\(TextForms.compatible($0))" }
    if let givenID, !SubmissionID.isValid(givenID) {
      problems.append(
        FieldProblem(
          field: FieldMapping.Special.id, column: column(FieldMapping.Special.id),
          "the submission id '\(givenID.prefix(80))' is not usable in a file name",
          hint: "lowercase ASCII letters, digits and hyphens, at most \(SubmissionID.maxLength) characters"))
    }

    guard problems.isEmpty else { return .rejected(problems, warnings: warnings) }
    let id = givenID ?? SubmissionID.derived(form: form.name, fields: submission.fields)

    var frontMatter: [(name: String, value: DraftValue)] = []
    let receivedDate = receivedAt.at(offsetSeconds: DateTime.jstOffset).date
    for field in form.fields {
      guard let value = ValueNormaliser.normalise(values[field.name] ?? [], kind: field.kind) else { continue }
      frontMatter.append((field.name, value))
      if field.name == CommonFields.title.name {
        frontMatter.append((CommonFields.date.name, .plain(receivedDate.description)))
        frontMatter.append((CommonFields.draft.name, .plain("true")))
      }
    }
    if !frontMatter.contains(where: { $0.name == CommonFields.date.name }) {
      frontMatter.insert((CommonFields.draft.name, .plain("true")), at: 0)
      frontMatter.insert((CommonFields.date.name, .plain(receivedDate.description)), at: 0)
    }
    for (name, value) in form.fixedValues.sorted(by: { $0.key < $1.key }) {
      frontMatter.removeAll { $0.name == name }
      frontMatter.append((name, .plain(value)))
    }
    frontMatter.append((CommonFields.source.name, .text(submission.format.sourceName)))
    // Quoted: an id such as `null` must stay a string, or the body would lose its submitted-content rules.
    frontMatter.append((CommonFields.submission.name, .text(id)))

    var privateFields: [String: String] = [:]
    for name in IntakeFieldName.contact + [IntakeFieldName.consent] {
      if let value = joined(name) { privateFields[name] = TextForms.singleLine(value) }
    }
    let draft = Draft(
      id: id, form: form, language: language, receivedAt: receivedAt, frontMatter: frontMatter,
      body: TextForms.body(joined(IntakeFieldName.body) ?? ""), privateFields: privateFields, columns: columns)
    return .draft(draft, warnings: warnings)
  }
}

extension InputFormat {
  /// The draft's `source:` value.
  var sourceName: String {
    switch self {
    case .spool: "web-form"
    default: rawValue
    }
  }
}
