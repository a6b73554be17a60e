import Schema

/// Another generated entry a body links to.
struct LinkTarget: Sendable {
  var url: String
  var label: Labels
}

/// Writes a Markdown body of 400–4000 characters: an introduction, then `##` sections of
/// paragraphs with lists, an occasional GFM table, `###` sub-sections, internal and external
/// links, and (for the needle's host) the planted sentence inside a section paragraph.
struct BodyWriter {
  static let minimum = 400
  static let maximum = 4000
  /// Sections stop here, leaving room for a link line and a needle sentence.
  static let sectionCap = 3800

  /// Body lengths follow a log-normal distribution (median 1,300 characters, σ 0.55) clipped to
  /// 400–4000, as integer quantiles so the result never depends on floating-point libraries.
  static let lengthQuantiles = [
    400, 400, 466, 517, 559, 596, 629, 660, 690, 718, 745, 772, 798, 823, 848, 872, 897, 921, 945, 969, 993, 1017, 1041,
    1066, 1091, 1115, 1140, 1166, 1192, 1218, 1245, 1272, 1300, 1328, 1357, 1386, 1417, 1448, 1481, 1514, 1549, 1584,
    1621, 1660, 1700, 1743, 1787, 1834, 1883, 1936, 1992, 2052, 2117, 2188, 2265, 2351, 2447, 2556, 2683, 2835, 3022,
    3267, 3621, 4000, 4000,
  ]

  static func targetLength(_ random: inout BenchRandom) -> Int {
    let steps = lengthQuantiles.count - 1
    let position = random.below(steps * 1024)
    let (bin, fraction) = (position / 1024, position % 1024)
    let low = lengthQuantiles[bin]
    let high = lengthQuantiles[bin + 1]
    return low + (high - low) * fraction / 1024
  }

  var prose: ProseWriter
  let section: String
  let guideTranslation: Bool
  let links: [LinkTarget]

  /// The body's text, ending in a newline.
  mutating func write(target: Int, needle: Piece?) -> TextBuffer {
    var body = TextBuffer(capacity: target * 3 + 512)
    var anchors: [Int] = []
    var ignored: [Int] = []
    prose.paragraph(section: section, guideTranslation: guideTranslation, into: &body, anchors: &ignored)

    var headings = headingPool()
    prose.random.shuffle(&headings)
    var sections = 0
    var usedTable = false
    var internalLinks = 0
    while body.characters < target || sections == 0, let heading = headings.popLast() {
      let (markBytes, markCharacters) = (body.count, body.characters)
      var sectionAnchors: [Int] = []
      var sectionLinks = 0
      body.append(Piece("\n\n## "))
      body.append(heading)
      for _ in 0..<prose.random.int(1...3) {
        body.append(Piece("\n\n"))
        prose.paragraph(
          section: section, guideTranslation: guideTranslation, into: &body, anchors: &sectionAnchors)
      }
      if prose.random.percent(30) {
        body.append(Piece("\n\n"))
        list(into: &body)
      }
      if prose.isJapanese && !usedTable && prose.random.percent(12) {
        body.append(Piece("\n\n"))
        table(into: &body)
        usedTable = true
      }
      if prose.random.percent(30) {
        body.append(Piece("\n\n"))
        if link(into: &body) { sectionLinks += 1 }
      }
      if prose.random.percent(section == "guides" ? 40 : 10) {
        body.append(Piece("\n\n### "))
        if prose.isJapanese {
          prose.fill(prose.book.subheading, into: &body)
        } else {
          body.append(prose.random.pick(prose.book.englishGuideHeadings))
          body.append(Piece(prose.language == .de ? " im Detail" : " in detail"))
        }
        body.append(Piece("\n\n"))
        prose.paragraph(
          section: section, guideTranslation: guideTranslation, into: &body, anchors: &sectionAnchors)
      }
      if body.characters > Self.sectionCap && sections > 0 {
        body.truncate(toBytes: markBytes, characters: markCharacters)
        break
      }
      anchors += sectionAnchors
      internalLinks += sectionLinks
      sections += 1
    }
    if internalLinks == 0, let target = links.first {
      body.append(Piece("\n\n"))
      internalLink(target, into: &body)
    }
    if let needle, !anchors.isEmpty {
      let offset = anchors[prose.random.below(anchors.count)]
      body.insert(needle, at: offset)
    }
    while body.characters < Self.minimum {
      body.append(Piece("\n\n"))
      prose.paragraph(section: section, guideTranslation: guideTranslation, into: &body, anchors: &ignored)
    }
    body.append(Piece("\n"))
    return body
  }

  private func headingPool() -> [Piece] {
    switch prose.language {
    case .ja: prose.book.headings[section] ?? prose.book.headings["news"] ?? []
    case .en: guideTranslation ? prose.book.englishGuideHeadings : prose.book.englishHeadings
    case .de: prose.book.germanHeadings
    }
  }

  /// A bulleted or numbered list of 3–6 items.
  private mutating func list(into body: inout TextBuffer) {
    let numbered = prose.random.percent(20)
    let count = prose.random.int(3...6)
    for index in 0..<count {
      if index > 0 { body.append(Piece("\n")) }
      if numbered {
        body.append("\(index + 1). ")
      } else {
        body.append(Piece("- "))
      }
      if prose.isJapanese {
        prose.fill(prose.random.pick(prose.book.bullets), into: &body)
      } else {
        var item = TextBuffer()
        prose.sentence(section: section, guideTranslation: guideTranslation, into: &item)
        var text = item.string
        if text.hasSuffix(".") { text.removeLast() }
        body.append(text)
      }
    }
  }

  /// A GFM table suited to the section.
  private mutating func table(into body: inout TextBuffer) {
    switch section {
    case "seminars":
      body.append("| 時間 | 内容 | 登壇者 |\n| --- | --- | --- |")
      let hour = prose.random.int(9...14)
      for row in 0..<prose.random.int(3...6) {
        body.append("\n| \(hour + row):00〜\(hour + row):50 | ")
        prose.fill(wordTemplate("topic"), into: &body)
        body.append(" | ")
        prose.fill(wordTemplate("role"), into: &body)
        body.append(" |")
      }
    case "guides":
      body.append("| 日本のクラス | 区分 | 主な手続き | EU MDR の目安 |\n| --- | --- | --- | --- |")
      for info in DeviceClasses.japan {
        let pathways = info.pathways.map { Vocabularies.pathways.label($0, in: .ja) }.joined(separator: "・")
        body.append(
          "\n| \(Vocabularies.jpClasses.label(info.japan, in: .ja)) | \(info.category.ja) | \(pathways) | "
            + info.europe.joined(separator: ", ") + " |")
      }
    case "companies":
      body.append("| 設備 | 台数 | 仕様 |\n| --- | --- | --- |")
      for _ in 0..<prose.random.int(3...6) {
        body.append("\n| ")
        prose.fill(wordTemplate("capability"), into: &body)
        body.append("設備 | ")
        prose.number(prose.random.int(1...12), into: &body)
        body.append(" | 精度±")
        prose.number(prose.random.int(1...10), into: &body)
        body.append("µm |")
      }
    default:
      body.append("| 項目 | 内容 |\n| --- | --- |\n| 対象機器 | ")
      body.append(prose.topic[TopicSlot.device.rawValue])
      body.append(" |\n| 想定クラス | ")
      prose.fill(wordTemplate("cls"), into: &body)
      body.append(" |\n| 期間 | ")
      prose.number(prose.random.int(3...24), into: &body)
      body.append("か月 |\n| 予算規模 | ")
      prose.number(prose.random.int(1...50), into: &body)
      body.append("百万円 |")
    }
  }

  private func wordTemplate(_ list: String) -> Template {
    Template(id: 0, segments: [.word(prose.book.words.index[list] ?? 0)])
  }

  /// A line with a link to another entry (60 %) or to an external site; true when internal.
  private mutating func link(into body: inout TextBuffer) -> Bool {
    if !links.isEmpty && prose.random.percent(60) {
      internalLink(prose.random.pick(links), into: &body)
      return true
    }
    let host = prose.random.pick(["www.example.jp", "cluster.example.de", "med.example.org", "pref.example.lg.jp"])
    let path = "https://\(host)/\(prose.random.pick(DomainWords.slugWords))/\(prose.random.int(1...999))"
    let autolink = prose.random.percent(25)
    switch prose.language {
    case .ja:
      body.append(autolink ? "資料は <\(path)> から入手できます。" : "詳しくは[公式サイト](\(path))をご確認ください。")
    case .en:
      body.append(autolink ? "Materials: <\(path)>" : "Details are on the [organizer's website](\(path)).")
    case .de:
      body.append(autolink ? "Unterlagen: <\(path)>" : "Einzelheiten auf der [Website der Veranstalter](\(path)).")
    }
    return false
  }

  private mutating func internalLink(_ target: LinkTarget, into body: inout TextBuffer) {
    switch prose.language {
    case .ja: body.append("関連情報は[\(target.label.ja)](\(target.url))もご覧ください。")
    case .en: body.append("See also: [\(target.label.en)](\(target.url)).")
    case .de: body.append("Siehe auch: [\(target.label.de)](\(target.url)).")
    }
  }
}
