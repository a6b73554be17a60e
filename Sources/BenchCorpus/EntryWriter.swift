import Schema

/// One generated file.
struct GeneratedFile: Sendable {
  var path: String
  var bytes: [UInt8]
  var bodyCharacters: Int
}

/// Writes the file(s) of one planned entry: front matter valid under its type's schema, with
/// values taken from the schema's vocabularies, and a body on the same topic. Everything is drawn
/// from the entry's own random stream (`prose.random`).
struct EntryWriter {
  let corpus: CorpusContext
  let entry: PlannedEntry
  var prose: ProseWriter

  /// The first day of the corpus's date range (2024-01-01) and its length (through 2027-12-31).
  static let firstDay = LocalDate(daysSinceEpoch: 19_723)
  static let dayCount = 1_461
  /// Guides are reviewed from 2025-12-01 on, so none is stale for a build in late 2026.
  static let reviewFloor = LocalDate(daysSinceEpoch: 20_423)

  init(corpus: CorpusContext, entry: PlannedEntry, attempt: Int) {
    self.corpus = corpus
    self.entry = entry
    prose = ProseWriter(
      book: corpus.book,
      random: BenchRandom(seed: corpus.seed, stream: .document, index: entry.index, attempt: attempt),
      topic: [], language: entry.language)
  }

  mutating func files() throws(SchemaDrift) -> [GeneratedFile] {
    let schema = corpus.schemas[entry.kind]
    let topic = chooseTopic()
    prose.topic = topic.pieces
    var front = FrontMatter(schema: schema)
    var facts: GuideFacts?
    switch entry.type {
    case ContentTypes.seminar: seminar(&front, topic)
    case ContentTypes.guide: facts = guide(&front, topic)
    case ContentTypes.company: company(&front, topic)
    case ContentTypes.need: need(&front, topic)
    default: news(&front, topic)
    }
    let main = try file(front, path: entry.path(), translation: false)
    guard entry.translated, let facts else { return [main] }
    prose = ProseWriter(
      book: corpus.book, random: BenchRandom(seed: corpus.seed, stream: .translation, index: entry.index),
      topic: topic.pieces, language: .en)
    var english = FrontMatter(schema: schema)
    guideTranslation(&english, facts, topic)
    return [main, try file(english, path: entry.path(.en), translation: true)]
  }

  private mutating func file(_ front: FrontMatter, path: String, translation: Bool) throws(SchemaDrift)
    -> GeneratedFile
  {
    let text = try front.finish()
    let target = BodyWriter.targetLength(&prose.random)
    let links = self.links()
    var writer = BodyWriter(prose: prose, section: entry.section, guideTranslation: translation, links: links)
    let body = writer.write(target: target, needle: translation ? nil : corpus.needleSentence(for: entry))
    prose = writer.prose
    var bytes = Array(text.utf8)
    bytes.append(contentsOf: body.bytes)
    return GeneratedFile(path: path, bytes: bytes, bodyCharacters: body.characters)
  }

  /// Up to three other entries to link to.
  private mutating func links() -> [LinkTarget] {
    let plan = corpus.plan
    guard plan.count > 1 else { return [] }
    var targets: [LinkTarget] = []
    for _ in 0..<3 {
      let other = plan[below(plan.count)]
      guard other.index != entry.index else { continue }
      targets.append(LinkTarget(url: other.url(), label: other.type.label))
    }
    return targets
  }

  // MARK: - Random helpers

  private mutating func below(_ bound: Int) -> Int { prose.random.below(bound) }
  private mutating func int(_ range: ClosedRange<Int>) -> Int { prose.random.int(range) }
  private mutating func percent(_ chance: Int) -> Bool { prose.random.percent(chance) }
  private mutating func pick<T>(_ items: [T]) -> T { prose.random.pick(items) }
  private mutating func word(_ list: String) -> String { prose.word(list) }

  // MARK: - Topic

  struct Topic {
    var focus: [String]
    var techAreas: [String]
    var clinicalAreas: [String]
    var pieces: [Piece]
  }

  /// The entry's subject: focus, technology and clinical areas from the schema's vocabularies,
  /// and the words the prose repeats (a device, a technology, a city, a venue, the areas' labels).
  private mutating func chooseTopic() -> Topic {
    let focusValues = corpus.focusAreas.allowedValues
    let techValues = corpus.techAreas.allowedValues
    let clinicalValues = corpus.clinicalAreas.allowedValues
    let focus = unique([pick(focusValues)] + (percent(35) ? [pick(focusValues)] : []))
    let techCount = int(1...4)
    let tech = prose.random.distinct(techCount, of: techValues.count).map { techValues[$0] }
    let clinicalCount = int(1...3)
    let clinical = prose.random.distinct(clinicalCount, of: clinicalValues.count).map { clinicalValues[$0] }
    let allDevices = DomainWords.lists["device"] ?? []
    let allTech = DomainWords.lists["tech"] ?? []
    let devices = percent(70) ? (DomainWords.devicesByFocus[focus[0]] ?? allDevices) : allDevices
    let technologies = percent(60) ? (DomainWords.techByFocus[focus[0]] ?? allTech) : allTech
    let focusLabel = corpus.focusAreas.label(focus[0], in: .ja)
    var pieces = Array(repeating: Piece(""), count: TopicSlot.allCases.count)
    pieces[TopicSlot.device.rawValue] = Piece(pick(devices))
    pieces[TopicSlot.tech.rawValue] = Piece(pick(technologies))
    pieces[TopicSlot.city.rawValue] = Piece(word("city"))
    pieces[TopicSlot.venue.rawValue] = Piece(word("venue"))
    pieces[TopicSlot.area.rawValue] = Piece(focusLabel)
    pieces[TopicSlot.areaEnglish.rawValue] = Piece(corpus.focusAreas.label(focus[0], in: .en).lowercased())
    pieces[TopicSlot.techArea.rawValue] = Piece(corpus.techAreas.label(tech[0], in: .ja))
    pieces[TopicSlot.techAreaEnglish.rawValue] = Piece(corpus.techAreas.label(tech[0], in: .en).lowercased())
    pieces[TopicSlot.clinicalArea.rawValue] = Piece(corpus.clinicalAreas.label(clinical[0], in: .ja))
    return Topic(focus: focus, techAreas: tech, clinicalAreas: clinical, pieces: pieces)
  }

  private func unique(_ values: [String]) -> [String] {
    var seen: Set<String> = []
    return values.filter { seen.insert($0).inserted }
  }

  /// The chosen values the field allows, in the schema's order.
  private func allowed(_ schema: TypeSchema, _ name: String, _ values: [String]) -> [String] {
    let chosen = Set(values)
    return schema.values(name).filter { chosen.contains($0) }
  }

  /// A random number (in `range`) of distinct values of an enumerated field, in the schema's order.
  private mutating func some(_ schema: TypeSchema, _ name: String, _ range: ClosedRange<Int>) -> [String] {
    let values = schema.values(name)
    let count = int(range)
    let picked = Set(prose.random.distinct(count, of: values.count))
    return values.indices.filter { picked.contains($0) }.map { values[$0] }
  }

  /// One value of an enumerated field, optionally weighted by value (others weigh 5).
  private mutating func one(_ schema: TypeSchema, _ name: String, weights: [String: Int] = [:]) -> String? {
    let values = schema.values(name)
    guard !values.isEmpty else { return nil }
    let choice = WeightedChoice(weights: values.map { weights[$0] ?? 5 })
    return choice.isEmpty ? pick(values) : values[choice.pick(&prose.random)]
  }

  private mutating func day(from start: Int, span: Int) -> LocalDate {
    LocalDate(daysSinceEpoch: Self.firstDay.daysSinceEpoch + start + below(span))
  }

  private mutating func tags() -> [String] {
    if entry.language != .ja {
      return unique((0..<int(1...3)).map { _ in pick(corpus.foreignTags) })
    }
    return unique((0..<int(2...6)).map { _ in DomainWords.tags[corpus.tagChoice.pick(&prose.random)] })
  }

  private mutating func title(_ templates: [Template]) -> String {
    templates.isEmpty ? entry.id : prose.string(pick(templates))
  }

  private mutating func common(
    _ front: inout FrontMatter, title: String, date: LocalDate, example: Bool, translation: Bool = false
  ) {
    front.string("title", title)
    front.date("date", date)
    if percent(15) { front.date("updated", date.adding(days: int(1...200))) }
    if example { front.bool("example", true) }
    if percent(60) { front.string("summary", prose.summary(section: entry.section, guideTranslation: translation)) }
  }

  // MARK: - Types

  private mutating func seminar(_ front: inout FrontMatter, _ topic: Topic) {
    let schema = front.schema
    let start = day(from: 45, span: Self.dayCount - 45)
    let date = start.adding(days: -int(14...45))
    common(&front, title: title(corpus.book.titles["seminars"] ?? []), date: date, example: false)
    let (hour, minute) = pick([(10, 0), (13, 0), (13, 30), (14, 0), (15, 0), (18, 0)])
    let end = hour * 60 + minute + pick([60, 90, 120, 180, 240])
    front.datetime("start", start, hour: hour, minute: minute)
    front.datetime("end", start, hour: end / 60, minute: end % 60)
    let attendance = one(schema, "attendance") ?? ""
    front.enumeration("attendance", attendance)
    if percent(12), let status = one(schema, "status") { front.enumeration("status", status) }
    front.string("organizer", word("organizer"))
    if attendance != "online" {
      front.string("venue", prose.topic[TopicSlot.venue.rawValue].string)
      let address = "埼玉県さいたま市\(word("ward"))\(word("town"))\(int(1...9))-\(int(1...30))-\(int(1...20))"
      front.string("address", address)
    }
    if attendance != "offline" { front.url("online_url", "https://meet.example.org/kirameki/\(entry.id)") }
    if percent(40) { front.string("series", word("series")) }
    front.string("fee", word("fee"))
    front.int("capacity", pick([20, 30, 40, 50, 80, 100, 150, 200]))
    let deadline = start.adding(days: -int(1...10))
    front.date("registration_deadline", deadline < date ? date : deadline)
    if percent(80) { front.url("registration_url", "https://events.example.org/kirameki/\(entry.id)") }
    let languages: [Language] = pick([[.ja], [.ja], [.ja], [.ja], [.ja, .en], [.ja, .de], [.en]])
    front.enumerationList("languages", allowed(schema, "languages", languages.map(\.rawValue)))
    var speakers: [String] = []
    for _ in 0..<int(1...3) {
      speakers.append(percent(50) ? "\(word("city"))の\(word("affil")) \(word("post"))" : "\(word("org")) 担当者")
    }
    front.stringList("speakers", unique(speakers))
    front.enumerationList("focus_areas", allowed(schema, "focus_areas", topic.focus))
    front.enumerationList("tech_areas", allowed(schema, "tech_areas", topic.techAreas))
    front.enumerationList("clinical_areas", allowed(schema, "clinical_areas", topic.clinicalAreas))
    front.stringList("tags", tags())
  }

  /// What a guide and its translation share.
  struct GuideFacts {
    var date: LocalDate
    var reviewed: LocalDate
    var jurisdiction: String
    var order: Int?
    var jpClasses: [String]
    var euClasses: [String]
    var pathways: [String]
    var sources: [(title: String, url: String, publisher: String)]
  }

  private mutating func guide(_ front: inout FrontMatter, _ topic: Topic) -> GuideFacts {
    let schema = front.schema
    let date = day(from: 0, span: Self.dayCount)
    var reviewed = date.adding(days: int(0...240))
    if reviewed < Self.reviewFloor { reviewed = Self.reviewFloor.adding(days: int(0...330)) }
    let table = DeviceClasses.japan
    let classCount = int(1...2)
    let classes = prose.random.distinct(classCount, of: table.count).sorted().map { table[$0] }
    let jurisdiction = one(schema, "jurisdiction") ?? ""
    var sources: [(title: String, url: String, publisher: String)] = []
    let sourceCount = int(1...3)
    for index in prose.random.distinct(sourceCount, of: DomainWords.sources.count) {
      let source = DomainWords.sources[index]
      sources.append((source.title, source.url + String(int(100...999)), source.publisher))
    }
    let facts = GuideFacts(
      date: date, reviewed: reviewed, jurisdiction: jurisdiction, order: percent(50) ? entry.ordinal + 1 : nil,
      jpClasses: allowed(schema, "jp_class", classes.map(\.japan)),
      euClasses: jurisdiction == "jp" ? [] : allowed(schema, "eu_class", classes.flatMap(\.europe)),
      pathways: allowed(schema, "pathway", classes.flatMap(\.pathways)), sources: sources)
    common(&front, title: title(corpus.book.titles["guides"] ?? []), date: date, example: false)
    guideFields(&front, facts, topic)
    front.stringList("tags", tags())
    return facts
  }

  private mutating func guideTranslation(_ front: inout FrontMatter, _ facts: GuideFacts, _ topic: Topic) {
    common(&front, title: title(corpus.book.englishGuideTitles), date: facts.date, example: false, translation: true)
    guideFields(&front, facts, topic)
    front.stringList("tags", unique((0..<int(1...3)).map { _ in word("en_guide_tag") }))
  }

  private func guideFields(_ front: inout FrontMatter, _ facts: GuideFacts, _ topic: Topic) {
    let schema = front.schema
    front.date("last_reviewed", facts.reviewed)
    front.enumeration("jurisdiction", facts.jurisdiction)
    if let order = facts.order { front.int("order", order) }
    front.enumerationList("jp_class", facts.jpClasses)
    front.enumerationList("eu_class", facts.euClasses)
    front.enumerationList("pathway", facts.pathways)
    front.enumerationList("focus_areas", allowed(schema, "focus_areas", topic.focus))
    front.sources("sources", facts.sources)
  }

  private mutating func company(_ front: inout FrontMatter, _ topic: Topic) {
    let schema = front.schema
    let date = day(from: 0, span: Self.dayCount)
    common(&front, title: title(corpus.book.titles["companies"] ?? []), date: date, example: true)
    front.string("location", percent(80) ? "さいたま市\(word("ward"))" : "埼玉県\(word("city"))")
    front.int("founded", int(1946...2022))
    front.int("employees", int(5...800))
    front.enumerationList("tech_areas", allowed(schema, "tech_areas", topic.techAreas))
    front.enumerationList("offerings", some(schema, "offerings", 1...4))
    if let involvement = one(schema, "medical_involvement") { front.enumeration("medical_involvement", involvement) }
    let certifications = some(schema, "certifications", 0...3)
    front.enumerationList("certifications", certifications)
    if certifications.contains("iso13485") {
      front.string("iso13485_scope", "\(prose.topic[TopicSlot.device.rawValue].string)用部品の設計・製造")
    }
    front.bool("manufacturing_registration", percent(30))
    if percent(60), let license = one(schema, "mah_license") { front.enumeration("mah_license", license) }
    if percent(50), let cleanroom = one(schema, "cleanroom") { front.enumeration("cleanroom", cleanroom) }
    var exhibitions: [String] = []
    for _ in 0..<int(0...2) { exhibitions.append("\(word("exhibition")) \(int(2019...2027)) 出展") }
    front.stringList("exhibitions", unique(exhibitions))
    front.enumerationList("jp_class", some(schema, "jp_class", 0...2))
    front.enumerationList("clinical_areas", allowed(schema, "clinical_areas", topic.clinicalAreas))
    front.enumerationList("focus_areas", allowed(schema, "focus_areas", topic.focus))
    front.stringList("tags", tags())
  }

  private mutating func need(_ front: inout FrontMatter, _ topic: Topic) {
    let schema = front.schema
    let date = day(from: 0, span: Self.dayCount)
    let kind = one(schema, "kind") ?? ""
    let title = prose.string(corpus.book.needTitles[kind] ?? corpus.book.needTitleFallback)
    common(&front, title: title, date: date, example: true)
    front.enumeration("kind", kind)
    let weights = ["open": 50, "in_discussion": 20, "matched": 10, "closed": 10, "expired": 5]
    if let status = one(schema, "status", weights: weights) { front.enumeration("status", status) }
    if let confidentiality = one(schema, "confidentiality") { front.enumeration("confidentiality", confidentiality) }
    front.date("expires", date.adding(days: int(60...540)))
    front.string("submitter_role", "さいたま市内の\(word("clinical")) \(word("role"))")
    if percent(80), let development = one(schema, "development") { front.enumeration("development", development) }
    front.enumerationList("partners_sought", some(schema, "partners_sought", 1...3))
    front.enumerationList("jp_class", some(schema, "jp_class", 1...2))
    front.enumerationList("tech_areas", allowed(schema, "tech_areas", topic.techAreas))
    front.enumerationList("clinical_areas", allowed(schema, "clinical_areas", topic.clinicalAreas))
    front.enumerationList("focus_areas", allowed(schema, "focus_areas", topic.focus))
    front.stringList("tags", tags())
  }

  private mutating func news(_ front: inout FrontMatter, _ topic: Topic) {
    let schema = front.schema
    let date = day(from: 0, span: Self.dayCount)
    let templates: [Template]
    switch entry.language {
    case .ja: templates = corpus.book.titles["news"] ?? []
    case .en: templates = corpus.book.englishNewsTitles
    case .de: templates = corpus.book.germanNewsTitles
    }
    common(&front, title: title(templates), date: date, example: false)
    if let category = one(schema, "category") { front.enumeration("category", category) }
    front.stringList("partners", unique((0..<int(0...3)).map { _ in word("partner_org") }))
    if percent(50) { front.url("source_url", "https://cluster.example.de/news/\(int(1000...9999))") }
    front.enumerationList("focus_areas", allowed(schema, "focus_areas", topic.focus))
    front.stringList("tags", tags())
  }
}
