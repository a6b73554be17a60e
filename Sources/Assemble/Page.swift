import Decode
import Markdown
import Schema

/// An entry in one language with its rendered body and its place on the site.
public struct Page: Sendable, Hashable {
  public var entry: Entry
  public var document: Document
  /// Root-relative URL ending in `/`: `/seminars/x/`, `/en/news/y/`.
  public var url: String
  /// URLs of the other languages' versions of the same entry.
  public var translations: [Language: String]

  public init(entry: Entry, document: Document, url: String, translations: [Language: String] = [:]) {
    self.entry = entry
    self.document = document
    self.url = url
    self.translations = translations
  }

  public var summary: String {
    entry.string("summary") ?? document.excerpt
  }

  public static func url(section: String, id: String, language: Language) -> String {
    (language == .default ? "/" : "/\(language.rawValue)/") + "\(section)/\(id)/"
  }
}
