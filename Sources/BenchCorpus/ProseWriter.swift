import Schema

/// Fills templates for one document, drawing from the document's own random stream.
struct ProseWriter {
  let book: Phrasebook
  var random: BenchRandom
  /// The document's topic words, by `TopicSlot.rawValue`.
  var topic: [Piece]
  var language: Language
  /// Templates already used in this document (by template id).
  private var used: [Bool]

  init(book: Phrasebook, random: BenchRandom, topic: [Piece], language: Language) {
    self.book = book
    self.random = random
    self.topic = topic
    self.language = language
    used = Array(repeating: false, count: book.templateCount)
  }

  var isJapanese: Bool { language == .ja }

  mutating func fill(_ template: Template, into out: inout TextBuffer) {
    for segment in template.segments {
      switch segment {
      case .text(let piece): out.append(piece)
      case .word(let list): out.append(random.pick(book.words.lists[list]))
      case .topic(let slot): out.append(topic[slot.rawValue])
      case .number(let range): number(random.int(range), into: &out)
      case .year: number(random.int(2018...2027), into: &out)
      case .month: number(random.int(1...12), into: &out)
      case .day: number(random.int(1...28), into: &out)
      }
    }
  }

  /// Japanese prose mixes half- and full-width digits; English and German do not.
  mutating func number(_ value: Int, into out: inout TextBuffer) {
    out.appendNumber(value, fullWidth: isJapanese && random.percent(30))
  }

  mutating func string(_ template: Template) -> String {
    var out = TextBuffer()
    fill(template, into: &out)
    return out.string
  }

  mutating func word(_ list: String) -> String {
    let pieces = book.words.list(list)
    return pieces.isEmpty ? "" : random.pick(pieces).string
  }

  /// A template from the pool, avoiding ones this document already used (a few tries).
  mutating func choose(_ pool: [Template]) -> Template {
    var template = random.pick(pool)
    var tries = 0
    while used[template.id] && tries < 6 {
      template = random.pick(pool)
      tries += 1
    }
    used[template.id] = true
    return template
  }

  /// One sentence in the document's language; Japanese sentences come from the section's own
  /// pool or the general one, sometimes with a connective in front.
  mutating func sentence(section: String, guideTranslation: Bool = false, into out: inout TextBuffer) {
    switch language {
    case .en: fill(choose(guideTranslation ? book.englishGuide : book.english), into: &out)
    case .de: fill(choose(book.german), into: &out)
    case .ja:
      let pool = random.percent(40) ? (book.sentences[section] ?? book.general) : book.general
      let template = choose(pool)
      if random.percent(25) { out.append(random.pick(book.openers)) }
      fill(template, into: &out)
    }
  }

  /// A paragraph of 2–5 sentences; `anchors` receives the byte offset where each sentence starts.
  mutating func paragraph(
    section: String, guideTranslation: Bool = false, into out: inout TextBuffer, anchors: inout [Int]
  ) {
    let count = random.int(2...5)
    for index in 0..<count {
      if index > 0 && !isJapanese { out.append(Piece(" ")) }
      anchors.append(out.count)
      sentence(section: section, guideTranslation: guideTranslation, into: &out)
    }
  }

  /// A one-sentence summary for the front matter.
  mutating func summary(section: String, guideTranslation: Bool) -> String {
    var out = TextBuffer()
    switch language {
    case .ja: fill(choose(book.sentences[section] ?? book.general), into: &out)
    default: sentence(section: section, guideTranslation: guideTranslation, into: &out)
    }
    return out.string
  }
}
