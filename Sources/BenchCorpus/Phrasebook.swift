/// Everything the prose is made of, compiled once: word lists, sentence templates, titles,
/// headings and list-item formats.
struct Phrasebook: Sendable {
  let words: WordTable
  let templateCount: Int

  let general: [Template]
  let sentences: [String: [Template]]
  let english: [Template]
  let german: [Template]
  let englishGuide: [Template]
  let openers: [Piece]

  let titles: [String: [Template]]
  let needTitles: [String: Template]
  let needTitleFallback: Template
  let englishGuideTitles: [Template]
  let englishNewsTitles: [Template]
  let germanNewsTitles: [Template]

  let bullets: [Template]
  let headings: [String: [Piece]]
  let englishHeadings: [Piece]
  let germanHeadings: [Piece]
  let englishGuideHeadings: [Piece]
  let subheading: Template

  static let shared = Phrasebook()

  private init() {
    let words = WordTable(DomainWords.lists)
    var compiler = TemplateCompiler(words: words)
    self.words = words
    general = compiler.compile(SentenceTemplates.general)
    sentences = [
      "seminars": compiler.compile(SentenceTemplates.seminar),
      "guides": compiler.compile(SentenceTemplates.guide),
      "companies": compiler.compile(SentenceTemplates.company),
      "needs": compiler.compile(SentenceTemplates.need),
      "news": compiler.compile(SentenceTemplates.news),
    ]
    english = compiler.compile(SentenceTemplates.english)
    german = compiler.compile(SentenceTemplates.german)
    englishGuide = compiler.compile(SentenceTemplates.englishGuide)
    openers = words.list("opener")

    titles = [
      "seminars": compiler.compile([
        "{topic}セミナー 〜{TECH}の医療応用〜", "第{n:1-40}回 {AREA}研究会", "{CITY}開催：{TECH}による{DEVICE}開発ワークショップ",
        "オンライン講座「{reg}の基礎と実務」", "バイエルン医療機器クラスター交流会 {y}", "{katakana}セッション：{topic}",
        "{series}「{TECHAREA}×{CLINAREA}」",
      ]),
      "guides": compiler.compile([
        "{clsname}の{process}ガイド", "{reg}対応の実務：{qms_item}", "EU MDRにおける{topic}のポイント", "{cls}機器の{process}手順",
        "{DEVICE}の規制対応チェックリスト",
      ]),
      "companies": compiler.compile(["{co_prefix}{place}{co_core}{co_suffix}（架空の例）"]),
      "news": compiler.compile([
        "{de_org}と{CITY}の企業が{AREA}で交流", "{de_city}で日独交流会：{TECH}の医療応用", "{de_org}の訪問団が{CITY}を訪問",
      ]),
    ]
    needTitles = [
      "clinical_need": compiler.compile("【臨床ニーズ】{DEVICE}：{problem}"),
      "tech_seed": compiler.compile("【技術シーズ】{TECH}による{component}の試作"),
      "partnership_request": compiler.compile("【連携募集】{AREA}分野の{partner}を募集"),
    ]
    needTitleFallback = compiler.compile("{DEVICE}の{component}に関する相談")
    englishGuideTitles = compiler.compile([
      "Regulatory checklist for {en_topic}", "EU MDR and Japan's PMD Act: {en_topic}",
      "From prototype to market: {en_tech} for medical devices", "Device classes and routes to market for {en_topic}",
    ])
    englishNewsTitles = compiler.compile([
      "{de_org_en} and {city_en} firms meet on {en_topic}", "Bavarian delegation visits {city_en}: {en_topic}",
    ])
    germanNewsTitles = compiler.compile([
      "Austausch zwischen {city_en} und Bayern: {de_topic}", "{de_org_en} trifft Unternehmen aus {city_en}",
    ])

    bullets = compiler.compile([
      "{qms_item}の手順を確認する", "{test}の結果を記録する", "{capability}（{material}対応）", "{topic}", "{DEVICE}の{component}",
      "{cert}の取得状況", "対象：{audience}", "{katakana}の推進", "{reg}への適合性", "{clinical}との連携", "{TECHAREA}：{tech}",
    ])
    subheading = compiler.compile("{qms_item}のポイント")
    templateCount = compiler.nextID

    func pieces(_ texts: [String]) -> [Piece] { texts.map(Piece.init) }
    headings = [
      "seminars": pieces([
        "開催概要", "プログラム", "講師紹介", "対象となる方", "参加方法", "お申し込み", "会場アクセス", "注意事項", "これまでの開催実績",
        "主催・共催",
      ]),
      "guides": pieces([
        "概要", "対象となる機器", "クラス分類の考え方", "必要な手続き", "QMSの要求事項", "技術文書の準備", "EUとの比較", "よくある指摘事項",
        "参考資料", "改訂履歴", "チェックリスト",
      ]),
      "companies": pieces(["会社概要", "保有技術", "設備一覧", "医療分野での取り組み", "品質体制", "連携したいテーマ", "実績", "お問い合わせ"]),
      "needs": pieces(["背景", "課題の詳細", "求める技術・パートナー", "想定スケジュール", "提供できるもの", "応募方法", "備考"]),
      "news": pieces(["概要", "交流の内容", "参加企業の声", "今後の予定", "関連情報"]),
    ]
    englishHeadings = pieces(["Overview", "Highlights", "Voices from participants", "Next steps", "Background"])
    germanHeadings = pieces(["Überblick", "Höhepunkte", "Stimmen der Teilnehmenden", "Ausblick", "Hintergrund"])
    englishGuideHeadings = pieces([
      "Overview", "Which devices are covered", "How the class is decided", "Procedures", "Quality management",
      "Technical documentation", "Comparison with the EU", "Common findings", "Checklist",
    ])
  }
}
