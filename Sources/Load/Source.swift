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
  /// Every line of the file, for showing the line a diagnostic points at.
  public var lines: [String]

  public init(
    path: String, section: String, id: String, language: Language, frontMatter: String,
    frontMatterLine: Int, body: String, bodyLine: Int, lines: [String]
  ) {
    self.path = path
    self.section = section
    self.id = id
    self.language = language
    self.frontMatter = frontMatter
    self.frontMatterLine = frontMatterLine
    self.body = body
    self.bodyLine = bodyLine
    self.lines = lines
  }

  /// A location in this file, with its source line attached.
  public func location(line: Int, column: Int = 0) -> SourceLocation {
    let text = line >= 1 && line <= lines.count ? lines[line - 1] : nil
    return SourceLocation(path: path, line: line, column: column, lineText: text)
  }
}
