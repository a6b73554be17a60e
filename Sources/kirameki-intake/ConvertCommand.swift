import ArgumentParser
import Foundation
import Intake
import Schema

struct ConvertCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "convert",
    abstract: "Turn submissions (CSV, JSON, NDJSON, form bodies, the receiver's spool) into content drafts.",
    discussion: """
      Exit codes:
        0   every record was written, already present, or skipped (another form)
        1   some records were rejected; the others were still written
        2   an input could not be read
        64  usage: unknown form, bad option, bad mapping file, --private inside the content folder
      See docs/intake.md.
      """)

  @Option(name: .long, help: "The form: need, seed, company or seminar.")
  var form: String

  @Option(name: .long, help: "The content folder drafts are written under (default: <root>/content).")
  var content: String?

  @Option(name: .long, help: "Where personal contact data goes (default: <root>/private/intake).")
  var `private`: String?

  @Option(name: .long, help: "The site root, holding intake/<form>.yaml.")
  var root: String = "."

  @Flag(name: .long, help: "Print the report as JSON.")
  var json = false

  @Option(name: .long, help: "The time used for records without one (ISO 8601 with offset; default: now).")
  var now: String?

  @Argument(help: "Input files, spool folders, or - for standard input.")
  var inputs: [String]

  func run() throws {
    guard let form = IntakeForms.named(form) else {
      throw ValidationError(
        "unknown form '\(form)'; forms: " + IntakeForms.all.map(\.name).joined(separator: ", "))
    }
    let moment: DateTime
    if let now {
      guard let parsed = DateTime(iso: now) else {
        throw ValidationError("--now '\(now)' is not a date and time with offset, such as 2026-11-25T10:00:00+09:00")
      }
      moment = parsed
    } else {
      moment = DateTime(epochSeconds: Int(Date().timeIntervalSince1970), offsetSeconds: DateTime.jstOffset)
    }
    let contentFolder = content ?? Self.path(root, "content")
    let privateFolder = `private` ?? Self.path(root, "private/intake")
    if FolderContainment.isInside(privateFolder, contentFolder) {
      throw ValidationError(
        "--private '\(privateFolder)' is inside the content folder: personal data would be published")
    }
    let mapping: FieldMapping
    do {
      mapping = try FieldMapping.load(root: root, form: form)
    } catch {
      FileHandle.standardError.write(Data("kirameki-intake: \(error.message)\n".utf8))
      throw ExitCode(ConvertReport.ExitCode.usage)
    }
    let converter = Converter(
      form: form, mapping: mapping, contentFolder: contentFolder, privateFolder: privateFolder, now: moment)
    let report = converter.convert(inputs: inputs)
    print(json ? report.json() : report.text(), terminator: json ? "\n" : "")
    if report.exitCode != 0 { throw ExitCode(report.exitCode) }
  }

  /// `content` rather than `./content` in reports when the root is the current folder.
  static func path(_ root: String, _ relative: String) -> String {
    root == "." ? relative : (root as NSString).appendingPathComponent(relative)
  }
}
