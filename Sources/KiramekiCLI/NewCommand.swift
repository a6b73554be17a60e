import ArgumentParser
import Check
import Diagnostics
import Foundation
import Load
import Schema

/// `kirameki new <type> "タイトル"`: a new draft entry with every field explained.
struct NewCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "new",
    abstract: "Write a new draft entry of a content type, with a comment for every field.",
    discussion: "Types: " + ContentTypes.all.map(\.name).joined(separator: ", ")
  )

  @Argument(help: "The content type: seminar, need, company, guide, news, page or glossary.")
  var type: String

  @Argument(help: "The title.")
  var title: String = "TODO: タイトル"

  @Option(help: "The id (lowercase letters, digits, hyphens; it becomes the URL). Default: date and a random part.")
  var id: String?

  @Option(help: "The language: ja, en or de.")
  var lang: String = "ja"

  @Option(help: "The date to start from, ISO 8601. Default: today in Japan.")
  var now: String?

  @Option(help: "The site root. Default: the current folder.")
  var root: String = "."

  func run() throws {
    guard let contentType = ContentTypes.all.first(where: { $0.name == type || $0.section == type }) else {
      let names = ContentTypes.all.map(\.name)
      let guess = Suggestions.closest(to: type, in: names).map { " Did you mean '\($0)'?" } ?? ""
      throw ValidationError("unknown type '\(type)'; use one of \(names.joined(separator: ", ")).\(guess)")
    }
    guard let language = Language(rawValue: lang) else {
      throw ValidationError("unknown language '\(lang)'; use ja, en or de")
    }
    let today = try NowParser.moment(now).at(offsetSeconds: DateTime.jstOffset).date
    let folder = root + "/content/" + contentType.section
    let entryID = try id.map(validated) ?? freshID(today: today, folder: folder)
    let path = "\(folder)/\(entryID).\(language.rawValue).md"
    guard !FileManager.default.fileExists(atPath: path) else {
      throw ValidationError("\(path) exists already; choose another --id")
    }
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    let text = EntryScaffold.markdown(type: contentType, title: title, today: today, language: language)
    // withoutOverwriting: a file that appeared since the check above is never replaced.
    try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .withoutOverwriting)
    print("Wrote \(path) (draft). Fill in the TODO values, then run 'kirameki check'.")
  }

  func validated(_ id: String) throws -> String {
    guard SourceParser.isValidID(id) else {
      throw ValidationError("id '\(id)' must be lowercase ASCII letters, digits and hyphens, such as laser-dojo-3")
    }
    return id
  }

  /// `2026-11-25-k3f9a2`: sorts by date, unique within the section.
  func freshID(today: LocalDate, folder: String) -> String {
    let alphabet = Array("abcdefghijkmnpqrstuvwxyz23456789")
    var generator = SystemRandomNumberGenerator()
    while true {
      let suffix = String((0..<6).map { _ in alphabet[Int(generator.next(upperBound: UInt32(alphabet.count)))] })
      let candidate = "\(today)-\(suffix)"
      let taken = Language.allCases.contains {
        FileManager.default.fileExists(atPath: "\(folder)/\(candidate).\($0.rawValue).md")
      }
      if !taken { return candidate }
    }
  }
}
