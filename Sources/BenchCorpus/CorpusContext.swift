import Schema

/// Everything shared by the documents of one corpus: the plan, the schemas, the phrasebook and
/// the needles with their hosts. Read-only, so documents are generated on every core at once.
struct CorpusContext: Sendable {
  let seed: UInt64
  let plan: [PlannedEntry]
  let schemas: [TypeSchema]
  let book: Phrasebook
  let focusAreas: Vocabulary
  let techAreas: Vocabulary
  let clinicalAreas: Vocabulary
  let tagChoice: WeightedChoice
  let foreignTags = ["Bavaria", "Medical Valley", "MEDICA", "COMPAMED", "Nuremberg", "Erlangen", "MedTech", "Saitama"]

  let needles: [Needle]
  /// Needle index by host entry index.
  let hosts: [Int: Int]
  /// The sentence planted in each host, in the host's language.
  let sentences: [Int: Piece]
  let scanner: NeedleScanner
  /// For every scanner pattern: its needle, and whether it is the needle's phrase.
  let patternNeedle: [Int]
  let patternIsPhrase: [Bool]

  init(entries: Int, seed: UInt64, needleCount: Int) throws(SchemaDrift) {
    self.seed = seed
    focusAreas = Vocabularies.focusAreas
    techAreas = Vocabularies.techAreas
    clinicalAreas = Vocabularies.clinicalAreas
    for vocabulary in [focusAreas, techAreas, clinicalAreas] where vocabulary.values.isEmpty {
      throw SchemaDrift(type: vocabulary.name, problems: ["the vocabulary '\(vocabulary.name)' has no values"])
    }
    schemas = CorpusMix.shares.map { TypeSchema($0.type) }
    book = Phrasebook.shared
    tagChoice = WeightedChoice(weights: DomainWords.tags.indices.map { 100_000 / ($0 + 1) })
    plan = CorpusPlanner.plan(entries: entries, seed: seed)

    var random = BenchRandom(seed: seed, stream: .needles)
    var factory = NeedleFactory(random: random, vocabularyText: Self.vocabularyText(book: book))
    let made = factory.make(
      count: min(needleCount, max(1, entries / 4)), components: DomainWords.lists["component"] ?? [],
      classes: DomainWords.lists["cls"] ?? [])
    random = factory.random
    let byHost = CorpusPlanner.hosts(for: made, in: plan, random: &random)
    // Keep only the needles that found a host, in the order they were made.
    let hosted = Set(byHost.values.map(\.phrase))
    needles = made.filter { hosted.contains($0.phrase) }
    var hosts: [Int: Int] = [:]
    var sentences: [Int: Piece] = [:]
    for (host, needle) in byHost {
      guard let index = needles.firstIndex(of: needle) else { continue }
      hosts[host] = index
      let sentence: String
      switch plan[host].language {
      case .ja: sentence = needle.japanese
      case .en: sentence = (needle.english ?? needle.japanese) + " "
      case .de: sentence = (needle.german ?? needle.english ?? needle.japanese) + " "
      }
      sentences[host] = Piece(sentence)
    }
    self.hosts = hosts
    self.sentences = sentences

    var patterns: [[UInt8]] = []
    var patternNeedle: [Int] = []
    var patternIsPhrase: [Bool] = []
    for (index, needle) in needles.enumerated() {
      patterns.append(Array(needle.phrase.utf8))
      patternNeedle.append(index)
      patternIsPhrase.append(true)
      for text in needle.distinctive {
        patterns.append(Array(text.utf8))
        patternNeedle.append(index)
        patternIsPhrase.append(false)
      }
    }
    scanner = NeedleScanner(patterns: patterns)
    self.patternNeedle = patternNeedle
    self.patternIsPhrase = patternIsPhrase
  }

  func needleSentence(for entry: PlannedEntry) -> Piece? {
    sentences[entry.index]
  }

  /// Scans an entry's files for every needle. Clean when the host's main file holds its own phrase
  /// exactly once and no file holds another needle's phrase, head or tail; `phrases` lists, for
  /// each file, the needles whose phrase it contains.
  func scan(_ files: [GeneratedFile], entry: Int) -> (clean: Bool, phrases: [[Int]]) {
    let own = hosts[entry]
    var clean = true
    var phrases: [[Int]] = []
    for (position, file) in files.enumerated() {
      let found = scanner.matches(in: file.bytes)
      var ownPhrase = 0
      var inFile: [Int] = []
      for (pattern, count) in found.sorted(by: { $0.key < $1.key }) {
        let needle = patternNeedle[pattern]
        if patternIsPhrase[pattern] { inFile.append(needle) }
        if position != 0 || needle != own {
          clean = false
        } else if patternIsPhrase[pattern] {
          ownPhrase += count
        }
      }
      if position == 0, own != nil, ownPhrase != 1 { clean = false }
      phrases.append(inFile)
    }
    return (clean, phrases)
  }

  /// The text the generator can write outside needles; needles must not occur in it.
  static func vocabularyText(book: Phrasebook) -> String {
    var parts: [String] = []
    for name in DomainWords.lists.keys.sorted() { parts += DomainWords.lists[name] ?? [] }
    for name in DomainWords.devicesByFocus.keys.sorted() { parts += DomainWords.devicesByFocus[name] ?? [] }
    for name in DomainWords.techByFocus.keys.sorted() { parts += DomainWords.techByFocus[name] ?? [] }
    parts += DomainWords.tags + DomainWords.slugWords
    for source in DomainWords.sources { parts += [source.title, source.url, source.publisher] }
    parts += SentenceTemplates.general + SentenceTemplates.seminar + SentenceTemplates.guide
    parts += SentenceTemplates.company + SentenceTemplates.need + SentenceTemplates.news
    parts += SentenceTemplates.english + SentenceTemplates.german + SentenceTemplates.englishGuide
    for vocabulary in [
      Vocabularies.focusAreas, Vocabularies.techAreas, Vocabularies.clinicalAreas, Vocabularies.jpClasses,
      Vocabularies.euClasses, Vocabularies.pathways,
    ] {
      for value in vocabulary.values {
        parts += [value.value, value.label.ja, value.label.en, value.label.de]
      }
    }
    for type in ContentTypes.all { parts += [type.label.ja, type.label.en, type.label.de] }
    for info in DeviceClasses.japan { parts += [info.category.ja, info.category.en, info.category.de] }
    return parts.joined(separator: "\n")
  }
}
