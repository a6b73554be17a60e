/// The hub's content types.
public enum ContentTypes {
  public static let seminar = ContentType(
    name: "seminar", section: "seminars", label: Labels(ja: "セミナー", en: "Seminar", de: "Seminar"),
    sectionLabel: Labels(ja: "セミナー・イベント", en: "Seminars and events", de: "Seminare und Veranstaltungen"),
    listOrder: .newestFirst,
    fields: [
      Field(
        "start", .datetime, required: true, label: Labels(ja: "開始", en: "Starts", de: "Beginn"),
        help: "開始日時（例 2026-12-03T14:00:00+09:00）"),
      Field(
        "end", .datetime, required: true, label: Labels(ja: "終了", en: "Ends", de: "Ende"),
        help: "終了日時（開始より後）"),
      Field(
        "attendance", .enumeration(Vocabularies.attendance), required: true,
        label: Labels(ja: "開催形式", en: "Format", de: "Format"), help: "会場・オンライン・併用"),
      Field(
        "status", .enumeration(Vocabularies.seminarStatus),
        label: Labels(ja: "開催状況", en: "Status", de: "Status"), help: "省略時は開催予定（scheduled）"),
      Field(
        "organizer", .string, required: true, label: Labels(ja: "主催", en: "Organiser", de: "Veranstalter"),
        help: "主催者名"),
      Field("venue", .string, label: Labels(ja: "会場", en: "Venue", de: "Ort"), help: "会場名"),
      Field("address", .string, label: Labels(ja: "所在地", en: "Address", de: "Adresse"), help: "会場の所在地"),
      Field(
        "online_url", .url, label: Labels(ja: "オンライン参加URL", en: "Online link", de: "Online-Link"),
        help: "オンライン参加の URL"),
      Field("series", .string, label: Labels(ja: "シリーズ", en: "Series", de: "Reihe"), help: "シリーズ名（例 医療ものづくり道場）"),
      Field("fee", .string, label: Labels(ja: "参加費", en: "Fee", de: "Gebühr"), help: "参加費（例 無料）"),
      Field("capacity", .int, label: Labels(ja: "定員", en: "Capacity", de: "Plätze"), help: "定員（人数）"),
      Field(
        "registration_deadline", .date,
        label: Labels(ja: "申込締切", en: "Registration deadline", de: "Anmeldeschluss"), help: "申込締切日"),
      Field(
        "registration_url", .url, label: Labels(ja: "申込先", en: "Registration", de: "Anmeldung"),
        help: "申込フォームの URL"),
      Field(
        "languages", .list(.enumeration(Vocabularies.languages)),
        label: Labels(ja: "使用言語", en: "Languages", de: "Sprachen"), help: "講演の言語（ja, en, de）"),
      Field(
        "speakers", .list(.string), label: Labels(ja: "講師", en: "Speakers", de: "Referierende"),
        help: "講師の所属・役職"),
      SharedFields.techAreas,
      SharedFields.clinicalAreas,
    ])

  public static let source = Field(
    "sources",
    .list(
      .object([
        Field("title", .string, required: true, label: Labels(ja: "名称", en: "Title", de: "Titel"), help: "出典の正式名称"),
        Field("url", .url, required: true, label: Labels(ja: "URL", en: "URL"), help: "出典の URL"),
        Field("publisher", .string, label: Labels(ja: "発行者", en: "Publisher", de: "Herausgeber"), help: "発行者"),
      ])),
    required: true, label: Labels(ja: "出典", en: "Sources", de: "Quellen"), help: "公式の出典（名称と URL）")

  public static let guide = ContentType(
    name: "guide", section: "guides",
    label: Labels(ja: "規制ガイド", en: "Regulatory guide", de: "Regulatorischer Leitfaden"),
    sectionLabel: Labels(ja: "規制・許認可ガイド", en: "Regulatory guides", de: "Regulatorische Leitfäden"),
    listOrder: .byOrder,
    fields: [
      Field(
        "jurisdiction", .enumeration(Vocabularies.jurisdictions), required: true,
        label: Labels(ja: "対象地域", en: "Jurisdiction", de: "Rechtsraum"), help: "jp, eu, jp_eu"),
      Field(
        "last_reviewed", .date, required: true,
        label: Labels(ja: "内容確認日", en: "Facts last checked", de: "Zuletzt geprüft"),
        help: "出典と照らして内容を確認した日"),
      source,
      Field("order", .int, label: Labels(ja: "表示順", en: "Order", de: "Reihenfolge"), help: "ガイド一覧での順番"),
      SharedFields.jpClass,
      SharedFields.euClass,
      Field(
        "pathway", .list(.enumeration(Vocabularies.pathways)),
        label: Labels(ja: "上市の手続き", en: "Route to market", de: "Marktzugang"), help: "届出・認証・承認"),
    ])

  public static let company = ContentType(
    name: "company", section: "companies", label: Labels(ja: "企業", en: "Company", de: "Unternehmen"),
    sectionLabel: Labels(ja: "企業データベース", en: "Company directory", de: "Unternehmensverzeichnis"),
    listOrder: .byTitle,
    fields: [
      Field(
        "location", .string, required: true, label: Labels(ja: "所在地", en: "Location", de: "Standort"), help: "所在地（区まで）"),
      Field("founded", .int, label: Labels(ja: "創業", en: "Founded", de: "Gegründet"), help: "創業年"),
      Field("employees", .int, label: Labels(ja: "従業員数", en: "Employees", de: "Mitarbeitende"), help: "従業員数"),
      Field(
        "tech_areas", .list(.enumeration(Vocabularies.techAreas)), required: true,
        label: SharedFields.techAreas.label, help: "得意な技術分野"),
      Field(
        "offerings", .list(.enumeration(Vocabularies.offerings)), required: true,
        label: Labels(ja: "提供できること", en: "Offerings", de: "Leistungen"), help: "部品供給・受託加工・試作など"),
      Field(
        "medical_involvement", .enumeration(Vocabularies.medicalInvolvement), required: true,
        label: Labels(ja: "医療分野への関わり", en: "Medical involvement", de: "Bezug zur Medizintechnik"),
        help: "医療分野での現在の関わり方"),
      Field(
        "certifications", .list(.enumeration(Vocabularies.certifications)),
        label: Labels(ja: "認証", en: "Certifications", de: "Zertifizierungen"), help: "取得している認証"),
      Field(
        "iso13485_scope", .string,
        label: Labels(ja: "ISO 13485 の適用範囲", en: "ISO 13485 scope", de: "Geltungsbereich ISO 13485"),
        help: "ISO 13485 の登録範囲"),
      Field(
        "manufacturing_registration", .bool,
        label: Labels(
          ja: "医療機器製造業登録", en: "Registered device manufacturing site", de: "Registrierte Herstellungsstätte"),
        help: "医療機器製造業登録があれば true"),
      Field(
        "mah_license", .enumeration(Vocabularies.mahLicense),
        label: Labels(ja: "製造販売業許可", en: "MAH licence", de: "MAH-Lizenz"), help: "製造販売業許可の種類"),
      Field(
        "cleanroom", .enumeration(Vocabularies.cleanroom),
        label: Labels(ja: "クリーンルーム", en: "Cleanroom", de: "Reinraum"), help: "クリーンルームの清浄度（ISO 14644）"),
      Field(
        "exhibitions", .list(.string),
        label: Labels(ja: "出展・輸出実績", en: "Trade fairs and export", de: "Messen und Export"),
        help: "展示会出展や輸出の実績"),
      Field(
        "jp_class", .list(.enumeration(Vocabularies.jpClasses)),
        label: Labels(ja: "関わった機器のクラス", en: "Device classes worked on", de: "Bearbeitete Geräteklassen"),
        help: "関わった医療機器のクラス"),
      SharedFields.clinicalAreas,
    ])

  public static let need = ContentType(
    name: "need", section: "needs", label: Labels(ja: "ニーズ・シーズ", en: "Need or seed", de: "Bedarf oder Angebot"),
    sectionLabel: Labels(ja: "ニーズ・シーズ", en: "Needs and seeds", de: "Bedarfe und Angebote"),
    listOrder: .newestFirst,
    fields: [
      Field(
        "kind", .enumeration(Vocabularies.needKinds), required: true,
        label: Labels(ja: "種別", en: "Kind", de: "Art"), help: "医療現場ニーズ・技術シーズ・連携先募集"),
      Field(
        "status", .enumeration(Vocabularies.needStatus), required: true,
        label: Labels(ja: "状況", en: "Status", de: "Status"), help: "募集中・協議中など"),
      Field(
        "confidentiality", .enumeration(Vocabularies.confidentiality), required: true,
        label: Labels(ja: "公開範囲", en: "Confidentiality", de: "Vertraulichkeit"), help: "公開・概要のみ・NDA"),
      Field("expires", .date, label: Labels(ja: "掲載期限", en: "Expires", de: "Läuft ab"), help: "掲載期限日"),
      Field(
        "submitter_role", .string, label: Labels(ja: "投稿者の立場", en: "Posted by", de: "Eingereicht von"),
        help: "投稿者の所属・職種（個人名は書かない）"),
      Field(
        "development", .enumeration(Vocabularies.development),
        label: Labels(ja: "開発形態", en: "Development", de: "Entwicklung"), help: "新規開発か改良か"),
      Field(
        "partners_sought", .list(.enumeration(Vocabularies.partnerRoles)),
        label: Labels(ja: "求めるパートナー", en: "Partners sought", de: "Gesuchte Partner"), help: "求める連携先"),
      Field(
        "jp_class", .list(.enumeration(Vocabularies.jpClasses)),
        label: Labels(ja: "想定クラス", en: "Expected device class", de: "Erwartete Geräteklasse"), help: "想定される医療機器クラス"),
      SharedFields.techAreas,
      SharedFields.clinicalAreas,
    ])

  public static let news = ContentType(
    name: "news", section: "news", label: Labels(ja: "ニュース", en: "News", de: "Neuigkeit"),
    sectionLabel: Labels(ja: "バイエルン交流ニュース", en: "Bavaria exchange news", de: "Neues aus dem Bayern-Austausch"),
    listOrder: .newestFirst,
    fields: [
      Field(
        "category", .enumeration(Vocabularies.newsCategories), required: true,
        label: Labels(ja: "分類", en: "Category", de: "Kategorie"), help: "交流・展示会・訪問団など"),
      Field(
        "partners", .list(.string), label: Labels(ja: "関係機関", en: "Partners", de: "Partner"), help: "関係する機関名"),
      Field("source_url", .url, label: Labels(ja: "出典", en: "Source", de: "Quelle"), help: "元の発表の URL"),
    ])

  public static let page = ContentType(
    name: "page", section: "pages", label: Labels(ja: "ページ", en: "Page", de: "Seite"),
    sectionLabel: Labels(ja: "構想について", en: "About the initiative", de: "Über die Initiative"),
    listOrder: .byOrder,
    fields: [
      Field("order", .int, label: Labels(ja: "表示順", en: "Order", de: "Reihenfolge"), help: "メニューでの順番"),
      Field("menu", .bool, label: Labels(ja: "メニューに表示", en: "In menu", de: "Im Menü"), help: "メインメニューに出すなら true"),
    ])

  public static let glossary = ContentType(
    name: "glossary", section: "glossary", label: Labels(ja: "用語", en: "Term", de: "Begriff"),
    sectionLabel: Labels(ja: "用語集", en: "Glossary", de: "Glossar"),
    listOrder: .byTitle,
    fields: [
      Field("reading", .string, label: Labels(ja: "読み", en: "Reading", de: "Lesung"), help: "ひらがなの読み"),
      Field("en", .string, label: Labels(ja: "英語", en: "English", de: "Englisch"), help: "英語の用語"),
      Field("de", .string, label: Labels(ja: "ドイツ語", en: "German", de: "Deutsch"), help: "ドイツ語の用語"),
      Field(
        "aliases", .list(.string), label: Labels(ja: "別表記", en: "Also written", de: "Schreibweisen"), help: "別の書き方"),
      Field(
        "related", .list(.string), label: Labels(ja: "関連用語", en: "Related terms", de: "Verwandte Begriffe"),
        help: "関連する用語の id"),
    ])

  /// Every type, in the order the site presents its sections.
  public static let all: [ContentType] = [seminar, need, company, guide, news, page, glossary]

  /// Sections with their own Atom and JSON feeds; `pages` and `glossary` change rarely and are
  /// not news.
  public static let withFeeds: [ContentType] = [seminar, need, company, guide, news]

  public static func forSection(_ section: String) -> ContentType? {
    all.first { $0.section == section }
  }
}
