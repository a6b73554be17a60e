/// A rare phrase planted in exactly one document, with the forms people type when they look for it.
public struct Needle: Sendable, Hashable {
  public enum Kind: String, Sendable, CaseIterable {
    /// An invented katakana word, searched in hiragana and half-width katakana.
    case katakana
    /// A rare kanji compound, searched by its head and its tail.
    case compound
    /// A model code, written full-width and searched half-width, or the reverse.
    case alnum
    /// An invented English product name, searched lower-case, upper-case and by a prefix.
    case english
  }

  public struct Variant: Sendable, Hashable {
    public var name: String
    public var query: String
  }

  public var kind: Kind
  /// The phrase exactly as written in the document.
  public var phrase: String
  /// `exact` first, then the typed variants.
  public var variants: [Variant]
  /// Further strings that must occur only in the host (a compound's head and tail).
  var distinctive: [String]
  /// The sentence carrying the phrase, by the host's language.
  var japanese: String
  var english: String?
  var german: String?

  var fitsForeignHost: Bool { english != nil }
}

/// Invents needles that occur nowhere in the generator's vocabulary or templates, and whose
/// queries do not collide with one another.
struct NeedleFactory {
  static let morae = Array("アイウエオカキクケコサシスセソタチテトナニヌネノハヒフヘホマミムメモラリルレロガギグゲゴザジズゼゾダデドバビブベボパピプペポ")
  static let rarePrefixes = [
    "翠光", "蒼穹", "琥珀", "瑠璃", "珊瑚", "白銀", "紫紺", "黎明", "朱鷺", "銀杏", "藍染", "檜皮", "鳳凰", "麒麟", "若葉", "茜雲",
  ]
  static let rareCores = ["偏光", "穿孔", "吸引", "把持", "焼灼", "拡張", "縫着", "保温", "集光", "攪拌"]
  static let rareTails = ["探触子", "導子", "照射子", "把持具", "誘導鞘", "保持枠", "送光管", "吸着盤"]
  static let syllables = [
    "lu", "mi", "vex", "qua", "ner", "tor", "zan", "bri", "dex", "ol", "ra", "vi", "syn", "tel", "cor", "fra", "plo",
    "ki",
    "sor", "thal",
  ]
  static let endings = ["a", "ix", "on", "ia", "ex", "um", "or", "is"]
  static let nouns = [
    "Microdrill", "Lightguide", "Scanner", "Clamp", "Probe", "Incubator", "Sensor", "Stylet", "Sheath",
  ]
  static let letters = Array("BDFGHKMNPQRTVWXZ")

  /// Everything the generator writes besides needles, as one text, and its ASCII words.
  let vocabulary: [UInt8]
  let asciiWords: Set<String>
  var random: BenchRandom
  private var taken: Set<String> = []
  private var englishStems: [String] = []

  init(random: BenchRandom, vocabularyText: String) {
    self.random = random
    vocabulary = Array(vocabularyText.utf8)
    var words: Set<String> = []
    var current = ""
    for scalar in vocabularyText.unicodeScalars {
      if scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)) {
        current.unicodeScalars.append(scalar)
      } else if !current.isEmpty {
        words.insert(current.lowercased())
        current = ""
      }
    }
    if !current.isEmpty { words.insert(current.lowercased()) }
    asciiWords = words
  }

  private func inVocabulary(_ text: String) -> Bool {
    ByteSearch.contains(vocabulary, Array(text.utf8))
  }

  /// Whether any of the strings was used already or occurs in the vocabulary; if not, takes them.
  private mutating func claim(_ strings: [String]) -> Bool {
    for text in strings where taken.contains(text) || inVocabulary(text) { return false }
    for other in taken {
      for text in strings where other.contains(text) || text.contains(other) { return false }
    }
    taken.formUnion(strings)
    return true
  }

  mutating func make(count: Int, components: [String], classes: [String]) -> [Needle] {
    var needles: [Needle] = []
    for index in 0..<count {
      let kind = Needle.Kind.allCases[index % 4]
      for _ in 0..<10_000 {
        if let needle = candidate(kind, index: index, components: components, classes: classes) {
          needles.append(needle)
          break
        }
      }
    }
    return needles
  }

  private mutating func candidate(_ kind: Needle.Kind, index: Int, components: [String], classes: [String]) -> Needle? {
    switch kind {
    case .katakana:
      var word = String((0..<random.int(4...5)).map { _ in random.pick(Self.morae) })
      if random.percent(50) { word.insert("ー", at: word.index(word.startIndex, offsetBy: 2)) }
      let hiragana = KanaWidth.hiragana(word)
      guard claim([word, hiragana]) else { return nil }
      let component = components.isEmpty ? "部品" : random.pick(components)
      return Needle(
        kind: kind, phrase: word,
        variants: [
          .init(name: "exact", query: word), .init(name: "hiragana", query: hiragana),
          .init(name: "halfwidth_kana", query: KanaWidth.halfWidthKatakana(word)),
        ],
        distinctive: [], japanese: "試作段階では\(word)と呼ばれる独自の\(component)を採用しました。")
    case .compound:
      let (head, core, tail) = (
        random.pick(Self.rarePrefixes), random.pick(Self.rareCores), random.pick(Self.rareTails)
      )
      guard let first = core.first, !tail.contains(first) else { return nil }
      let phrase = head + core + tail
      guard claim([phrase, head + core, core + tail]) else { return nil }
      return Needle(
        kind: kind, phrase: phrase,
        variants: [
          .init(name: "exact", query: phrase), .init(name: "substring_tail", query: core + tail),
          .init(name: "substring_head", query: head + core),
        ],
        distinctive: [head + core, core + tail], japanese: "現在、\(phrase)の評価用試作を進めています。")
    case .alnum:
      let code = String((0..<3).map { _ in random.pick(Self.letters) })
      let number = String(random.int(10_000...99_999))
      guard !asciiWords.contains(code.lowercased()), claim([code]) else { return nil }
      let spaced = code + " " + number
      let phrase: String
      let variants: [Needle.Variant]
      if index % 8 < 4 {
        // Written full-width in the document, typed half-width.
        phrase = KanaWidth.fullWidth(code + number)
        variants = [
          .init(name: "exact", query: phrase), .init(name: "halfwidth", query: spaced),
          .init(name: "halfwidth_compact", query: code + number), .init(name: "lowercase", query: spaced.lowercased()),
        ]
      } else {
        // Written half-width in the document, typed full-width.
        phrase = spaced
        variants = [
          .init(name: "exact", query: phrase), .init(name: "fullwidth", query: KanaWidth.fullWidth(spaced)),
          .init(name: "fullwidth_compact", query: KanaWidth.fullWidth(code + number)),
          .init(name: "lowercase", query: spaced.lowercased()),
        ]
      }
      let deviceClass = classes.isEmpty ? "クラスII" : random.pick(classes)
      return Needle(
        kind: kind, phrase: phrase, variants: variants, distinctive: [],
        japanese: "対象となる機種は型式\(phrase)で、\(deviceClass)相当を想定しています。",
        english: "The team also showed the model \(phrase) at the meeting.",
        german: "Das Team zeigte beim Treffen auch das Modell \(phrase).")
    case .english:
      let stem = random.pick(Self.syllables) + random.pick(Self.syllables) + random.pick(Self.endings)
      let prefix = String(stem.dropLast())
      let noun = random.pick(Self.nouns)
      let name = stem.prefix(1).uppercased() + stem.dropFirst() + " " + noun
      guard prefix.count >= 4, !asciiWords.contains(where: { $0.hasPrefix(prefix) }),
        !englishStems.contains(where: { $0.hasPrefix(prefix) || stem.hasPrefix(String($0.dropLast())) }),
        claim([name])
      else { return nil }
      englishStems.append(stem)
      return Needle(
        kind: kind, phrase: name,
        variants: [
          .init(name: "exact", query: name), .init(name: "lowercase", query: name.lowercased()),
          .init(name: "uppercase", query: name.uppercased()), .init(name: "prefix", query: prefix),
        ],
        distinctive: [], japanese: "海外では\(name)という名称で紹介されています。",
        english: "The team also showed the \(name) at the meeting.",
        german: "Das Team zeigte beim Treffen auch den \(name).")
    }
  }
}

/// Plain substring search over bytes.
enum ByteSearch {
  static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
    guard let first = needle.first, needle.count <= haystack.count else { return needle.isEmpty }
    var index = 0
    let last = haystack.count - needle.count
    while index <= last {
      if haystack[index] == first {
        var matched = true
        for offset in 1..<needle.count where haystack[index + offset] != needle[offset] {
          matched = false
          break
        }
        if matched { return true }
      }
      index += 1
    }
    return false
  }
}
