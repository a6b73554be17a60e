import Assemble
import Decode
import Schema

/// One page as the index sees it: its weighted terms and what a result shows.
public struct SearchDocument: Sendable {
  public var url: String
  public var title: String
  public var type: String
  public var language: Language
  /// The date a result shows and date sorting uses: a seminar's start, else the entry date.
  public var date: LocalDate
  public var summary: String
  /// The start of the body's plain text, for snippets.
  public var excerpt: String
  /// Each token with its field-weighted frequency.
  public var terms: [String: Double]
  /// The field-weighted length in tokens.
  public var length: Double
  public var entry: Entry

  public static let fieldBoosts = (title: 5.0, headings: 2.0, body: 1.0)

  /// Tokenises a page's title, headings and body.
  public static func analyze(_ page: Page) -> SearchDocument {
    let entry = page.entry
    var terms: [String: Double] = [:]
    var length = 0.0
    func add(_ text: String, boost: Double) {
      for token in SearchText.tokens(SearchText.normalize(text), index: true) {
        terms[token, default: 0] += boost
        length += boost
      }
    }
    add(entry.title, boost: fieldBoosts.title)
    add(page.document.toc.map(\.text).joined(separator: "\n"), boost: fieldBoosts.headings)
    add(page.document.plainText, boost: fieldBoosts.body)
    let date = entry.datetime("start")?.at(offsetSeconds: DateTime.jstOffset).date ?? entry.date
    return SearchDocument(
      url: page.url, title: entry.title, type: entry.type.name, language: entry.language, date: date,
      summary: String(page.summary.prefix(160)),
      excerpt: String(page.document.plainText.split(whereSeparator: \.isNewline).joined(separator: " ").prefix(240)),
      terms: terms, length: length, entry: entry)
  }
}
