import Schema

/// A rendered Markdown body and what the later stages need from it.
public struct Document: Sendable, Hashable {
  public var html: String
  /// Headings of level 2 and 3, in order, with their unique anchors.
  public var toc: [Heading]
  /// The text without markup, for summaries, reading time and search.
  public var plainText: String
  /// A summary cut from the start of the text at a sentence end.
  public var excerpt: String
  public var readingMinutes: Int
  /// Links and images in the order they appear, with where they are in the body.
  public var links: [LinkReference]

  public init(
    html: String, toc: [Heading], plainText: String, excerpt: String, readingMinutes: Int, links: [LinkReference]
  ) {
    self.html = html
    self.toc = toc
    self.plainText = plainText
    self.excerpt = excerpt
    self.readingMinutes = readingMinutes
    self.links = links
  }
}

public struct Heading: Sendable, Hashable {
  public var level: Int
  public var text: String
  public var anchor: String

  public init(level: Int, text: String, anchor: String) {
    self.level = level
    self.text = text
    self.anchor = anchor
  }
}

/// A link or image destination and its position in the Markdown body: line 1 is the body's first
/// line; the column counts bytes from 1, as cmark reports it.
public struct LinkReference: Sendable, Hashable {
  public var destination: String
  public var line: Int
  public var byteColumn: Int

  public init(destination: String, line: Int, byteColumn: Int) {
    self.destination = destination
    self.line = line
    self.byteColumn = byteColumn
  }
}
