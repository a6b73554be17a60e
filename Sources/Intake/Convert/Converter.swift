import Foundation
import Schema

/// `kirameki-intake convert`: reads inputs, and for every record writes a draft and its private
/// record, or reports why not. One bad record never stops the others.
public struct Converter: Sendable {
  public var form: IntakeForm
  public var mapping: FieldMapping
  /// The content folder drafts go under (`<root>/content`).
  public var contentFolder: String
  /// Where personal data goes (`<root>/private/intake`); never inside the content folder.
  public var privateFolder: String
  /// The moment used when a record carries no time of submission.
  public var now: DateTime

  public init(form: IntakeForm, mapping: FieldMapping, contentFolder: String, privateFolder: String, now: DateTime) {
    self.form = form
    self.mapping = mapping
    self.contentFolder = contentFolder
    self.privateFolder = privateFolder
    self.now = now
  }

  public func convert(
    inputs: [String], standardInput: @escaping () -> Data = { FileHandle.standardInput.readDataToEndOfFile() }
  ) -> ConvertReport {
    var report = ConvertReport()
    for input in inputs {
      do {
        let submissions = try SubmissionReader.read(input, standardInput: standardInput)
        report.records += submissions.map(convert)
      } catch {
        report.unreadable.append(.init(input: input, line: error.line, message: error.message))
      }
    }
    return report
  }

  public func convert(_ submission: Submission) -> ConvertReport.RecordResult {
    var result = ConvertReport.RecordResult(
      input: submission.input, record: submission.number, line: submission.line, status: .rejected,
      submission: nil, path: nil, privatePath: nil, problems: [], warnings: [])
    let draft: Draft
    switch DraftBuilder.build(submission, form: form, mapping: mapping, now: now) {
    case .otherForm(let other):
      result.status = .skipped
      result.problems = [
        FieldProblem(field: "form", "the record is for the form '\(other.prefix(40))', not '\(form.name)'")
      ]
      return result
    case .rejected(let problems, let warnings):
      result.problems = problems
      result.warnings = warnings
      return result
    case .draft(let built, let warnings):
      draft = built
      result.warnings = warnings
      result.submission = built.id
    }
    if let existing = existingDraft(id: draft.id) {
      result.status = .present
      result.path = existing
      return result
    }
    let text: String
    do {
      text = try DraftText.render(draft)
    } catch {
      result.problems = [FieldProblem("the front matter could not be written: \(error)")]
      return result
    }
    let problems = DraftValidator.problems(in: text, draft: draft)
    guard problems.isEmpty else {
      result.problems = problems
      return result
    }
    do {
      if !draft.privateFields.isEmpty {
        let path = (privateFolder as NSString).appendingPathComponent("\(draft.id).json")
        _ = try NoOverwriteFile.create(
          path, contents: try PrivateRecord(draft: draft, input: submission.input).encoded())
        result.privatePath = path
      }
      let path = (contentFolder as NSString).appendingPathComponent(draft.relativePath)
      switch try NoOverwriteFile.create(path, contents: Data(text.utf8)) {
      case .created: result.status = .written
      case .exists: result.status = .present
      }
      result.path = path
    } catch {
      result.problems = [FieldProblem("cannot write: \(error)")]
    }
    return result
  }

  /// A draft for this submission id in any language and on any date, if one exists: the same
  /// submission converted again, even on another day, finds it.
  func existingDraft(id: String) -> String? {
    let folder = (contentFolder as NSString).appendingPathComponent(form.contentType.section)
    guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return nil }
    for name in names.sorted() where name.hasSuffix(".md") {
      var stem = name.dropLast(3)
      if let dot = stem.lastIndex(of: "."), Language(rawValue: String(stem[stem.index(after: dot)...])) != nil {
        stem = stem[..<dot]
      }
      // `YYYY-MM-DD-` is 11 characters.
      if stem.count > 11, stem.dropFirst(11) == id[...] { return (folder as NSString).appendingPathComponent(name) }
    }
    return nil
  }
}
