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
    return split(text, path: path).map { parts in
      Source(
        path: path, section: section, id: id, language: language, frontMatter: parts.frontMatter,
        frontMatterLine: 2, body: parts.body, bodyLine: parts.bodyLine, openingLine: parts.openingLine,
        closingLine: parts.closingLine, lineCount: parts.lineCount)
    }
  }

  /// The front matter, the body and the lines that frame them.
  struct Parts {
    var frontMatter: String
    var body: String
    var bodyLine: Int
    var openingLine: String
    var closingLine: String
    var lineCount: Int
  }

  /// Splits the text into lines at every newline Character ("\n", "\r\n", "\r", VT, FF, NEL, LS,
  /// PS, as `Character.isNewline`), finds the `---` fences and joins the lines between them with
  /// "\n". Works on UTF-8 bytes: a newline is always a Character of its own, so scanning bytes
  /// finds the same lines as scanning Characters.
  static func split(_ text: String, path: String) -> Result<Parts, Diagnostic> {
    var text = text
    text.makeContiguousUTF8()
    if let parts = text.utf8.withContiguousStorageIfAvailable({ splitBytes($0, path: path) }) { return parts }
    return Array(text.utf8).withUnsafeBufferPointer { splitBytes($0, path: path) }
  }

  private static func splitBytes(_ all: UnsafeBufferPointer<UInt8>, path: String) -> Result<Parts, Diagnostic> {
    let hasBOM = all.count >= 3 && all[0] == 0xEF && all[1] == 0xBB && all[2] == 0xBF
    let bytes = UnsafeBufferPointer(rebasing: all[(hasBOM ? 3 : 0)...])
    let lines = LineScanner.lines(of: bytes)
    func string(_ range: Range<Int>) -> String {
      String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
    }
    guard let first = lines.ranges.first, isFence(bytes, first) else {
      return .failure(
        .error(
          at: SourceLocation(path: path, line: 1, column: 1, lineText: lines.ranges.first.map(string)),
          "the file does not start with front matter",
          hint: "begin the file with a line '---', the YAML fields, and another '---'"))
    }
    guard let close = lines.ranges.indices.dropFirst().first(where: { isFence(bytes, lines.ranges[$0]) }) else {
      return .failure(
        .error(
          at: SourceLocation(path: path, line: 1, column: 1, lineText: string(first)),
          "the front matter is never closed", hint: "add a line '---' after the last front-matter field"))
    }
    func joined(_ range: Range<Int>) -> String {
      guard let firstLine = range.first, let lastLine = range.last else { return "" }
      if lines.onlyLineFeeds {
        // Lines separated by single "\n" bytes: the joined text is the bytes as they are.
        return string(lines.ranges[firstLine].lowerBound..<lines.ranges[lastLine].upperBound)
      }
      return range.map { string(lines.ranges[$0]) }.joined(separator: "\n")
    }
    return .success(
      Parts(
        frontMatter: joined(1..<close), body: joined((close + 1)..<lines.ranges.count), bodyLine: close + 2,
        openingLine: string(first), closingLine: string(lines.ranges[close]), lineCount: lines.ranges.count))
  }

  /// "---" with nothing after it but spaces and tabs.
  private static func isFence(_ bytes: UnsafeBufferPointer<UInt8>, _ line: Range<Int>) -> Bool {
    guard line.count >= 3 else { return false }
    let dash = UInt8(ascii: "-")
    guard bytes[line.lowerBound] == dash, bytes[line.lowerBound + 1] == dash, bytes[line.lowerBound + 2] == dash
    else { return false }
    return bytes[(line.lowerBound + 3)..<line.upperBound].allSatisfy { $0 == UInt8(ascii: " ") || $0 == 0x09 }
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

  static func suggestion(_ word: String, _ candidates: [String]) -> String {
    guard let best = Suggestions.closest(to: word, in: candidates) else { return "" }
    return "; did you mean '\(best)'?"
  }
}
