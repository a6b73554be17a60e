/// Fields every content type has.
public enum CommonFields {
  public static let title = Field(
    "title", .string, required: true, label: Labels(ja: "タイトル", en: "Title", de: "Titel"),
    help: "ページの見出しになるタイトル")
  public static let date = Field(
    "date", .date, required: true, label: Labels(ja: "掲載日", en: "Published", de: "Veröffentlicht"),
    help: "掲載日（YYYY-MM-DD）")
  public static let updated = Field(
    "updated", .date, label: Labels(ja: "更新日", en: "Updated", de: "Aktualisiert"),
    help: "内容を更新した日（YYYY-MM-DD）")
  public static let summary = Field(
    "summary", .string, label: Labels(ja: "概要", en: "Summary", de: "Zusammenfassung"),
    help: "一覧に表示する一、二文の概要。省略すると本文の冒頭から作ります")
  public static let draft = Field(
    "draft", .bool, label: Labels(ja: "下書き", en: "Draft", de: "Entwurf"),
    help: "true のあいだは公開されません（--drafts で確認できます）")
  public static let example = Field(
    "example", .bool, label: Labels(ja: "掲載例", en: "Example", de: "Beispiel"),
    help: "実在しない架空の掲載例なら true")
  public static let tags = Field(
    "tags", .list(.string), label: Labels(ja: "タグ", en: "Tags", de: "Schlagwörter"),
    help: "自由なキーワード")
  public static let focusAreas = Field(
    "focus_areas", .list(.enumeration(Vocabularies.focusAreas)),
    label: Labels(ja: "重点分野", en: "Focus areas", de: "Schwerpunkte"),
    help: "構想の三つの重点分野のうち関係するもの")

  /// Set by `kirameki-intake` on drafts it writes from a submission; such bodies are rendered with
  /// raw HTML off.
  public static let source = Field(
    "source", .string, label: Labels(ja: "投稿経路", en: "Submitted via", de: "Eingereicht über"),
    help: "投稿から作った下書きの経路（kirameki-intake が記入します）")
  public static let submission = Field(
    "submission", .string, label: Labels(ja: "投稿ID", en: "Submission id", de: "Einreichungs-ID"),
    help: "投稿ID。連絡先などの個人情報は公開されない別の記録にあり、この ID で参照します")

  public static let all: [Field] = [
    title, date, updated, summary, draft, example, tags, focusAreas, source, submission,
  ]
}

/// Fields that several types share, defined once.
public enum SharedFields {
  public static let techAreas = Field(
    "tech_areas", .list(.enumeration(Vocabularies.techAreas)),
    label: Labels(ja: "技術分野", en: "Technology areas", de: "Technologiefelder"), help: "関係する技術分野")
  public static let clinicalAreas = Field(
    "clinical_areas", .list(.enumeration(Vocabularies.clinicalAreas)),
    label: Labels(ja: "臨床分野", en: "Clinical areas", de: "Klinische Bereiche"), help: "関係する診療・臨床の分野")
  public static let jpClass = Field(
    "jp_class", .list(.enumeration(Vocabularies.jpClasses)),
    label: Labels(ja: "クラス分類（日本）", en: "Device class (Japan)", de: "Geräteklasse (Japan)"),
    help: "日本の医療機器クラス（I〜IV）")
  public static let euClass = Field(
    "eu_class", .list(.enumeration(Vocabularies.euClasses)),
    label: Labels(ja: "クラス分類（EU MDR）", en: "Device class (EU MDR)", de: "Produktklasse (EU MDR)"),
    help: "EU MDR のクラス（I, Is, Im, Ir, IIa, IIb, III）")
}
