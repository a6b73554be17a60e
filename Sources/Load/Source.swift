import Diagnostics
import Schema

/// One content file as read from disk: where it is, what it is, and its two parts.
public struct Source: Sendable, Hashable {
  /// Path relative to the site root, `content/seminars/dojo-1.ja.md`.
  public var path: String
  public var section: String
  /// The stable id from the file name, `dojo-1`.
  public var id: String
  public var language: Language
  /// The YAML between the `---` lines.
  public var frontMatter: String
  /// The 1-based line of the file where the front matter's first line is.
  public var frontMatterLine: Int
  public var body: String
  /// The 1-based line of the file where the body starts.
  public var bodyLine: Int
  /// The lines around the front matter as written (`---`, perhaps with trailing spaces); with
  /// the front matter and the body they give back every line, so no copy of them is kept.
  var openingLine: String
  var closingLine: String
  var lineCount: Int

  public init(
    path: String, section: String, id: String, language: Language, frontMatter: String,
    frontMatterLine: Int, body: String, bodyLine: Int, lines: [String]
  ) {
    self.init(
      path: path, section: section, id: id, language: language, frontMatter: frontMatter,
      frontMatterLine: frontMatterLine, body: body, bodyLine: bodyLine, openingLine: lines.first ?? "",
      closingLine: lines.indices.contains(bodyLine - 2) ? lines[bodyLine - 2] : "", lineCount: lines.count)
  }

  init(
    path: String, section: String, id: String, language: Language, frontMatter: String,
    frontMatterLine: Int, body: String, bodyLine: Int, openingLine: String, closingLine: String, lineCount: Int
  ) {
    self.path = path
    self.section = section
    self.id = id
    self.language = language
    self.frontMatter = frontMatter
    self.frontMatterLine = frontMatterLine
    self.body = body
    self.bodyLine = bodyLine
    self.openingLine = openingLine
    self.closingLine = closingLine
    self.lineCount = lineCount
  }

  /// Every line of the file, for showing the line a diagnostic points at.
  public var lines: [String] {
    (1...max(1, lineCount)).compactMap(line)
  }

  /// The text of a 1-based line, or nil past the end of the file.
  public func line(_ number: Int) -> String? {
    guard number >= 1, number <= lineCount else { return nil }
    if number == 1 { return openingLine }
    if number < bodyLine - 1 { return Self.line(number - frontMatterLine, of: frontMatter) }
    if number == bodyLine - 1 { return closingLine }
    return Self.line(number - bodyLine, of: body)
  }

  /// The 0-based line of a text whose lines are joined by "\n".
  private static func line(_ index: Int, of text: String) -> String? {
    var remaining = index
    var start = text.utf8.startIndex
    var position = start
    let end = text.utf8.endIndex
    while position < end {
      if text.utf8[position] == UInt8(ascii: "\n") {
        if remaining == 0 { break }
        remaining -= 1
        start = text.utf8.index(after: position)
      }
      position = text.utf8.index(after: position)
    }
    guard remaining == 0 else { return nil }
    return String(text[start..<position])
  }

  /// A location in this file, with its source line attached.
  public func location(line: Int, column: Int = 0) -> SourceLocation {
    SourceLocation(path: path, line: line, column: column, lineText: self.line(line))
  }
}
