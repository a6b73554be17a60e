import Foundation

/// Explains glossary terms in place: the first occurrence of each term in a rendered body
/// becomes a link to its glossary entry, described by a visible definition listed after the
/// body (`aria-describedby`, so nothing depends on hovering). Text inside headings, links, code
/// and preformatted blocks is never touched.
public struct GlossaryLinker: Sendable {
  public struct Term: Sendable, Hashable {
    /// The glossary entry's id, for anchors.
    public var id: String
    public var title: String
    /// The written forms to look for: the title and its aliases.
    public var forms: [String]
    public var url: String
    public var definition: String

    public init(id: String, title: String, forms: [String], url: String, definition: String) {
      self.id = id
      self.title = title
      self.forms = forms
      self.url = url
      self.definition = definition
    }
  }

  let terms: [Term]

  public init(terms: [Term]) {
    self.terms = terms
  }

  static let skippedElements: Set<String> = ["a", "code", "pre", "h1", "h2", "h3", "h4", "h5", "h6", "script", "style"]

  /// The body with links added, and the terms that were linked, in order of appearance.
  public func link(_ html: String, excluding excludedID: String? = nil) -> (html: String, linked: [Term]) {
    var pending = terms.filter { $0.id != excludedID }
    guard !pending.isEmpty else { return (html, []) }
    var linked: [Term] = []
    var out = ""
    out.reserveCapacity(html.utf8.count + 256)
    var skipDepth = 0
    var rest = html[...]
    while !rest.isEmpty {
      if rest.first == "<" {
        let end = rest.firstIndex(of: ">").map { rest.index(after: $0) } ?? rest.endIndex
        let tag = rest[..<end]
        out += tag
        if let (name, closing) = Self.tagName(tag), Self.skippedElements.contains(name) {
          skipDepth = max(0, skipDepth + (closing ? -1 : 1))
        }
        rest = rest[end...]
        continue
      }
      let end = rest.firstIndex(of: "<") ?? rest.endIndex
      let text = String(rest[..<end])
      rest = rest[end...]
      if skipDepth > 0 || pending.isEmpty {
        out += text
        continue
      }
      out += linkText(text, pending: &pending, linked: &linked)
    }
    return (out, linked)
  }

  private func linkText(_ text: String, pending: inout [Term], linked: inout [Term]) -> String {
    var out = ""
    var rest = text[...]
    while !pending.isEmpty {
      var best: (range: Range<Substring.Index>, term: Int)?
      for (index, term) in pending.enumerated() {
        for form in term.forms where !form.isEmpty {
          guard let range = Self.firstMatch(of: form, in: rest) else { continue }
          if let current = best {
            let earlier = range.lowerBound < current.range.lowerBound
            let longer =
              range.lowerBound == current.range.lowerBound
              && rest.distance(from: range.lowerBound, to: range.upperBound)
                > rest.distance(from: current.range.lowerBound, to: current.range.upperBound)
            if !(earlier || longer) { continue }
          }
          best = (range, index)
        }
      }
      guard let (range, index) = best else { break }
      let term = pending.remove(at: index)
      linked.append(term)
      out += rest[..<range.lowerBound]
      out += "<a class=\"glossary-term\" href=\"\(term.url)\" aria-describedby=\"term-\(term.id)\">"
      out += rest[range]
      out += "</a>"
      rest = rest[range.upperBound...]
    }
    out += rest
    return out
  }

  /// The first occurrence of `form`; a Latin form (QMS, PDCA) must stand as a word of its own.
  static func firstMatch(of form: String, in text: Substring) -> Range<Substring.Index>? {
    let isLatin = form.unicodeScalars.allSatisfy { $0.isASCII }
    var search = text
    while let range = search.range(of: form) {
      if !isLatin { return range }
      let before = range.lowerBound > text.startIndex ? text[text.index(before: range.lowerBound)] : " "
      let after = range.upperBound < text.endIndex ? text[range.upperBound] : " "
      if !isWordCharacter(before) && !isWordCharacter(after) { return range }
      search = text[range.upperBound...]
    }
    return nil
  }

  static func isWordCharacter(_ character: Character) -> Bool {
    character.isASCII && (character.isLetter || character.isNumber)
  }

  /// `<h2 id="x">` → ("h2", false); `</a>` → ("a", true).
  static func tagName(_ tag: Substring) -> (String, Bool)? {
    var body = tag.dropFirst()
    let closing = body.first == "/"
    if closing { body = body.dropFirst() }
    let name = body.prefix { $0.isLetter || $0.isNumber }
    guard !name.isEmpty else { return nil }
    return (name.lowercased(), closing)
  }
}
