import Assemble
import Decode
import Markdown
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
  /// Each distinct token with its field-weighted frequency, packed.
  public var termCounts: SearchTerms
  public var entry: Entry

  public static let fieldBoosts = (title: 5.0, headings: 2.0, body: 1.0)
  static let integerBoosts = (title: UInt32(5), headings: UInt32(2), body: UInt32(1))
  static let excerptLength = 240

  /// Each token with its field-weighted frequency.
  public var terms: [String: Double] { termCounts.weights }
  /// The field-weighted length in tokens.
  public var length: Double { Double(termCounts.length) }

  /// Tokenises a page's title, headings and body.
  public static func analyze(_ page: Page) -> SearchDocument {
    var counter = TermCounter()
    return analyze(page, counter: &counter)
  }

  /// `analyze`, reusing a counter's storage from one page to the next.
  static func analyze(_ page: Page, counter: inout TermCounter) -> SearchDocument {
    let entry = page.entry
    counter.add(entry.title, boost: integerBoosts.title)
    counter.add(page.document.toc.map(\.text).joined(separator: "\n"), boost: integerBoosts.headings)
    counter.add(page.document.plainText, boost: integerBoosts.body)
    return SearchDocument(
      url: page.url, title: entry.title, type: entry.type.name, language: entry.language, date: date(of: page),
      summary: String(page.summary.prefix(160)), excerpt: excerpt(page.document.plainText),
      termCounts: counter.take(), entry: entry)
  }

  static func date(of page: Page) -> LocalDate {
    page.entry.datetime("start")?.at(offsetSeconds: DateTime.jstOffset).date ?? page.entry.date
  }

  /// The text's lines joined by single spaces (blank lines dropped), cut to `excerptLength`
  /// characters; reads only as much of the text as the cut needs.
  static func excerpt(_ text: String) -> String {
    if let excerpt = scalarExcerpt(text) { return excerpt }
    var joined = ""
    var taken = 0
    var pendingSpace = false
    // Across a joining space at most two taken characters fall into one character of the result
    // (a prepend, the space, an extend), so twice the length plus one settles the prefix.
    for character in text {
      if character.isNewline {
        pendingSpace = !joined.isEmpty
        continue
      }
      if pendingSpace {
        joined.append(" ")
        pendingSpace = false
      }
      joined.append(character)
      taken += 1
      if taken > 2 * excerptLength { break }
    }
    return String(joined.prefix(excerptLength))
  }

  /// `excerpt` for text whose scalars up to the cut are each a Character of their own (most
  /// Japanese and Latin prose), walked as scalars instead of Characters; nil when one is not.
  static func scalarExcerpt(_ text: String) -> String? {
    var joined: [UInt8] = []
    joined.reserveCapacity(excerptLength * 3)
    var taken = 0
    var pendingSpace = false
    for scalar in text.unicodeScalars {
      guard SingleScalarCharacter.breaksAround(scalar) else { return nil }
      // The scalar after the cut decides nothing more, but it could have joined the last Character.
      if taken == excerptLength { break }
      if SingleScalarCharacter.isNewline(scalar) {
        pendingSpace = taken > 0
        continue
      }
      if pendingSpace {
        joined.append(UInt8(ascii: " "))
        taken += 1
        pendingSpace = false
        if taken == excerptLength { break }
      }
      if scalar.value < 0x80 {
        joined.append(UInt8(scalar.value))
      } else if let encoded = UTF8.encode(scalar) {
        joined.append(contentsOf: encoded)
      }
      taken += 1
    }
    return String(decoding: joined, as: UTF8.self)
  }
}
