/// The document's own topic words, filled into upper-case template slots.
enum TopicSlot: Int, CaseIterable, Sendable {
  case device, tech, city, area, venue, techArea, clinicalArea, areaEnglish, techAreaEnglish

  init?(name: Substring) {
    switch name {
    case "DEVICE": self = .device
    case "TECH": self = .tech
    case "CITY": self = .city
    case "AREA": self = .area
    case "VENUE": self = .venue
    case "TECHAREA": self = .techArea
    case "CLINAREA": self = .clinicalArea
    case "AREA_EN": self = .areaEnglish
    case "TECHAREA_EN": self = .techAreaEnglish
    default: return nil
    }
  }
}

/// One compiled sentence template: literal pieces and slots.
struct Template: Sendable {
  enum Segment: Sendable {
    case text(Piece)
    /// A random word of a word list (index into `WordTable.lists`).
    case word(Int)
    case topic(TopicSlot)
    case number(ClosedRange<Int>)
    case year, month, day
  }

  /// Unique among all templates, so a document can avoid repeating one.
  let id: Int
  let segments: [Segment]
}

/// The word lists as pieces, by name.
struct WordTable: Sendable {
  let lists: [[Piece]]
  let index: [String: Int]

  init(_ lists: [String: [String]]) {
    var index: [String: Int] = [:]
    var pieces: [[Piece]] = []
    for name in lists.keys.sorted() {
      index[name] = pieces.count
      pieces.append((lists[name] ?? []).map(Piece.init))
    }
    self.lists = pieces
    self.index = index
  }

  func list(_ name: String) -> [Piece] {
    index[name].map { lists[$0] } ?? []
  }
}

/// Compiles the template mini-language. The templates are the generator's own constants, so a
/// mistake in them is a programming error, reported when the phrasebook is first used.
struct TemplateCompiler {
  let words: WordTable
  private(set) var nextID = 0

  init(words: WordTable) {
    self.words = words
  }

  mutating func compile(_ pool: [String]) -> [Template] {
    pool.map { compile($0) }
  }

  mutating func compile(_ text: String) -> Template {
    var segments: [Template.Segment] = []
    var literal = ""
    var rest = Substring(text)
    while let open = rest.firstIndex(of: "{") {
      literal += rest[..<open]
      guard let close = rest[open...].firstIndex(of: "}") else {
        preconditionFailure("unclosed slot in template: \(text)")
      }
      let slot = rest[rest.index(after: open)..<close]
      if !literal.isEmpty {
        segments.append(.text(Piece(literal)))
        literal = ""
      }
      segments.append(segment(slot, in: text))
      rest = rest[rest.index(after: close)...]
    }
    literal += rest
    if !literal.isEmpty { segments.append(.text(Piece(literal))) }
    defer { nextID += 1 }
    return Template(id: nextID, segments: segments)
  }

  private func segment(_ slot: Substring, in text: String) -> Template.Segment {
    switch slot {
    case "y": return .year
    case "m": return .month
    case "d": return .day
    default: break
    }
    if slot.hasPrefix("n:") {
      let bounds = slot.dropFirst(2).split(separator: "-").compactMap { Int($0) }
      precondition(bounds.count == 2 && bounds[0] <= bounds[1], "bad number slot {\(slot)} in: \(text)")
      return .number(bounds[0]...bounds[1])
    }
    if let topic = TopicSlot(name: slot) { return .topic(topic) }
    guard let list = words.index[String(slot)], !words.lists[list].isEmpty else {
      preconditionFailure("unknown slot {\(slot)} in template: \(text)")
    }
    return .word(list)
  }
}
