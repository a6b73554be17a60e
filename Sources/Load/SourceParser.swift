import Diagnostics
import Schema

/// Turns a content file's path and text into a `Source`: checks the file name and splits the
/// front matter from the body.
public enum SourceParser {
  public static let idPattern = "[a-z0-9][a-z0-9-]*"

  public static func parse(path: String, text: String) -> Result<Source, Diagnostic> {
    let components = path.split(separator: "/").map(String.init)
    guard components.count == 3, components[0] == "content" else {
      return .failure(
        .error(
          at: .file(path), "content files belong in a section folder such as content/seminars/",
          hint: "sections: " + ContentTypes.all.map(\.section).joined(separator: ", ")))
    }
    let section = components[1]
    guard ContentTypes.forSection(section) != nil else {
      return .failure(
        .error(
          at: .file(path), "unknown section folder '\(section)'",
          hint: "sections: " + ContentTypes.all.map(\.section).joined(separator: ", ")
            + suggestion(section, ContentTypes.all.map(\.section))))
    }
    guard let (id, language) = idAndLanguage(fileName: components[2]) else {
      return .failure(
        .error(
          at: .file(path), "file name '\(components[2])' is not '<id>.<lang>.md'",
          hint:
            "the id is lowercase ASCII letters, digits and hyphens (it becomes the URL), lang is one of "
            + Language.allCases.map(\.rawValue).joined(separator: ", ") + ", for example dojo-laser-1.ja.md"))
    }
    let text = text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
    let lines = splitLines(text)
    guard let first = lines.first, first.trimmingTrailingWhitespace() == "---" else {
      return .failure(
        .error(
          at: SourceLocation(path: path, line: 1, column: 1, lineText: lines.first),
          "the file does not start with front matter",
          hint: "begin the file with a line '---', the YAML fields, and another '---'"))
    }
    guard let close = lines.indices.dropFirst().first(where: { lines[$0].trimmingTrailingWhitespace() == "---" }) else {
      return .failure(
        .error(
          at: SourceLocation(path: path, line: 1, column: 1, lineText: first),
          "the front matter is never closed", hint: "add a line '---' after the last front-matter field"))
    }
    let frontMatter = lines[1..<close].joined(separator: "\n")
    let body = lines[(close + 1)...].joined(separator: "\n")
    return .success(
      Source(
        path: path, section: section, id: id, language: language, frontMatter: frontMatter,
        frontMatterLine: 2, body: body, bodyLine: close + 2, lines: lines))
  }

  static func idAndLanguage(fileName: String) -> (String, Language)? {
    guard fileName.hasSuffix(".md") else { return nil }
    let stem = fileName.dropLast(3)
    let parts = stem.split(separator: ".", omittingEmptySubsequences: false)
    let id: Substring
    let language: Language
    switch parts.count {
    case 1:
      id = parts[0]
      language = .default
    case 2:
      guard let lang = Language(rawValue: String(parts[1])) else { return nil }
      id = parts[0]
      language = lang
    default:
      return nil
    }
    guard isValidID(id) else { return nil }
    return (String(id), language)
  }

  public static func isValidID<S: StringProtocol>(_ id: S) -> Bool {
    guard let first = id.unicodeScalars.first, id.count <= 80 else { return false }
    let allowed: (Unicode.Scalar) -> Bool = { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
    return first != "-" && id.unicodeScalars.allSatisfy(allowed)
  }

  static func splitLines(_ text: String) -> [String] {
    // Character.isNewline covers "\n" and "\r\n" (one Character in Swift).
    var lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map(String.init)
    if lines.last == "" { lines.removeLast() }
    return lines
  }

  static func suggestion(_ word: String, _ candidates: [String]) -> String {
    guard let best = Suggestions.closest(to: word, in: candidates) else { return "" }
    return "; did you mean '\(best)'?"
  }
}

extension String {
  func trimmingTrailingWhitespace() -> Substring {
    var s = self[...]
    while let last = s.last, last == " " || last == "\t" { s.removeLast() }
    return s
  }
}
