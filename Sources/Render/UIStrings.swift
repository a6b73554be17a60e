import Foundation
import Schema

/// Interface texts in the hub's languages.
enum UIStrings {
  static let home = Labels(ja: "ホーム", en: "Home", de: "Startseite")
  static let motto = Labels(
    ja: "きらめく技術で医療の未来へ", en: "Brilliant technology for the future of medicine",
    de: "Glänzende Technik für die Medizin von morgen")
  static let upcomingSeminars = Labels(ja: "これからのセミナー", en: "Upcoming seminars", de: "Kommende Seminare")
  static let openNeeds = Labels(ja: "募集中のニーズ・シーズ", en: "Open needs and seeds", de: "Offene Bedarfe und Angebote")
  static let latestNews = Labels(
    ja: "バイエルン交流の最新ニュース", en: "Latest Bavaria exchange news", de: "Neues aus dem Bayern-Austausch")
  static let guides = Labels(ja: "規制・許認可ガイド", en: "Regulatory guides", de: "Regulatorische Leitfäden")
  static let seeAll = Labels(ja: "すべて見る", en: "See all", de: "Alle ansehen")
  static let noneYet = Labels(ja: "現在、掲載はありません。", en: "Nothing here at the moment.", de: "Derzeit keine Einträge.")
  static let contents = Labels(ja: "目次", en: "Contents", de: "Inhalt")
  static let published = Labels(ja: "掲載日", en: "Published", de: "Veröffentlicht")
  static let updated = Labels(ja: "更新日", en: "Updated", de: "Aktualisiert")
  static let readingTime = Labels(ja: "読了目安 約{n}分", en: "About {n} min read", de: "Etwa {n} Min. Lesezeit")
  static let page = Labels(ja: "{n}ページ目", en: "Page {n}", de: "Seite {n}")
  static let previous = Labels(ja: "前へ", en: "Previous", de: "Zurück")
  static let next = Labels(ja: "次へ", en: "Next", de: "Weiter")
  static let pagination = Labels(ja: "ページ送り", en: "Pagination", de: "Seitennavigation")
  static let breadcrumb = Labels(ja: "現在地", en: "Breadcrumb", de: "Brotkrumen")
  static let mainMenu = Labels(ja: "メインメニュー", en: "Main menu", de: "Hauptmenü")
  static let skipToContent = Labels(ja: "本文へ移動", en: "Skip to content", de: "Zum Inhalt springen")
  static let exampleNotice = Labels(
    ja: "これは掲載イメージを示す架空の例です。実在の企業・医療機関・人物とは関係ありません。",
    en: "This is a fictional example showing how entries look. It describes no real company, hospital or person.",
    de: "Dies ist ein fiktives Beispiel. Es beschreibt kein reales Unternehmen, keine Klinik und keine Person.")
  static let draftNotice = Labels(
    ja: "下書き（公開されていません）", en: "Draft (not published)", de: "Entwurf (nicht veröffentlicht)")
  static let sources = Labels(ja: "出典", en: "Sources", de: "Quellen")
  static let lastReviewed = Labels(ja: "内容確認日", en: "Facts last checked", de: "Zuletzt geprüft")
  static let staleNotice = Labels(
    ja: "この内容は確認から1年以上たっています。最新の情報は出典でご確認ください。",
    en: "These facts were last checked more than a year ago. Please confirm them with the sources.",
    de: "Diese Angaben wurden vor über einem Jahr zuletzt geprüft. Bitte prüfen Sie die Quellen.")
  static let notLegalAdvice = Labels(
    ja: "このガイドは一般的な情報であり、法的助言ではありません。個別の製品の扱いは、PMDA・都道府県・登録認証機関などにご確認ください。",
    en:
      "This guide is general information, not legal advice. Ask PMDA, your prefecture or a certification body about a specific product.",
    de: "Dieser Leitfaden ist eine allgemeine Information und keine Rechtsberatung.")
  static let translations = Labels(
    ja: "この記事の他の言語", en: "This entry in other languages", de: "Dieser Beitrag in anderen Sprachen")
  static let notTranslated = Labels(ja: "未翻訳", en: "not translated", de: "nicht übersetzt")
  static let termsExplained = Labels(ja: "この記事の用語", en: "Terms used here", de: "Begriffe in diesem Beitrag")
  static let moreAboutTerm = Labels(ja: "用語集で詳しく", en: "More in the glossary", de: "Mehr im Glossar")
  static let calendar = Labels(ja: "セミナーカレンダー", en: "Seminar calendar", de: "Seminarkalender")
  static let subscribe = Labels(ja: "カレンダーアプリで購読", en: "Subscribe in your calendar app", de: "Im Kalender abonnieren")
  static let subscribeHelp = Labels(
    ja: "この URL をカレンダーアプリに登録すると、今後のセミナーが自動で反映されます。",
    en: "Add this address to your calendar app to see upcoming seminars as they are announced.",
    de: "Fügen Sie diese Adresse Ihrem Kalender hinzu, um kommende Seminare automatisch zu sehen.")
  static let addToCalendar = Labels(
    ja: "カレンダーに追加（.ics）", en: "Add to calendar (.ics)", de: "Zum Kalender hinzufügen (.ics)")
  static let comparisonHeading = Labels(
    ja: "日本とEUのクラス分類の対応（目安）", en: "Japanese and EU device classes compared (rough guide)",
    de: "Geräteklassen in Japan und der EU im Vergleich (Richtwerte)")
  static let comparisonNote = Labels(
    ja: "GHTF の考え方に基づくおおまかな対応です。EU MDR は附属書VIIIのルールで個別に分類するため、ソフトウェア（ルール11）などでは異なるクラスになることがあります。",
    en:
      "A rough GHTF-based mapping. The EU MDR classifies by the rules of Annex VIII, so a device (software under Rule 11, for one) can land in another class.",
    de:
      "Eine grobe Zuordnung auf GHTF-Basis. Die EU-MDR klassifiziert nach den Regeln von Anhang VIII; ein Produkt (etwa Software nach Regel 11) kann anders eingestuft werden."
  )
  static let comparisonJapan = Labels(ja: "日本のクラス", en: "Japan", de: "Japan")
  static let comparisonCategory = Labels(ja: "区分", en: "Category", de: "Kategorie")
  static let comparisonPathway = Labels(ja: "主な手続き", en: "Usual route", de: "Üblicher Weg")
  static let comparisonEurope = Labels(ja: "EU MDR の目安", en: "EU MDR (roughly)", de: "EU-MDR (ungefähr)")
  static let comparisonExamples = Labels(ja: "例", en: "Examples", de: "Beispiele")
  static let matchingCompanies = Labels(
    ja: "連携先候補の企業", en: "Companies that could help", de: "Unternehmen, die helfen könnten")
  static let matchingNeeds = Labels(
    ja: "この技術を活かせそうなニーズ", en: "Needs this technology could serve", de: "Bedarfe, denen diese Technik dienen könnte")
  static let matchingNote = Labels(
    ja: "掲載内容（技術分野・重点分野・臨床分野・機器クラスの経験・認証など）から自動で選んだ候補です。実際の連携は相談窓口がお手伝いします。",
    en:
      "Chosen automatically from the listed technology, focus and clinical areas, device-class experience and certifications. The consultation desk helps with real introductions.",
    de:
      "Automatisch aus Technologie-, Schwerpunkt- und klinischen Bereichen, Klassenerfahrung und Zertifizierungen ausgewählt."
  )
  static let related = Labels(ja: "関連する記事", en: "Related entries", de: "Verwandte Beiträge")
  static let search = Labels(ja: "サイト内検索", en: "Search", de: "Suche")
  static let searchButton = Labels(ja: "検索", en: "Search", de: "Suchen")
  static let searchPlaceholder = Labels(
    ja: "例：カテーテル、ISO 13485、周産期", en: "e.g. catheter, ISO 13485, perinatal", de: "z. B. Katheter, ISO 13485")
  static let searchNeedsScript = Labels(
    ja: "検索には JavaScript が必要です。", en: "Search needs JavaScript.", de: "Die Suche benötigt JavaScript.")
  static let languageSwitch = Labels(ja: "言語", en: "Language", de: "Sprache")
  static let allTerms = Labels(ja: "{name}の一覧", en: "All {name}", de: "Alle {name}")
  static let entriesFor = Labels(ja: "{name}：{term}", en: "{name}: {term}", de: "{name}: {term}")
  static let count = Labels(ja: "{n}件", en: "{n} entries", de: "{n} Einträge")
  static let classifications = Labels(ja: "分類", en: "Classification", de: "Einordnung")
  static let notFoundTitle = Labels(ja: "ページが見つかりません", en: "Page not found", de: "Seite nicht gefunden")
  static let notFoundText = Labels(
    ja: "お探しのページは移動したか、削除された可能性があります。下のメニューからお探しください。",
    en: "The page may have moved or been removed. Try the sections below.",
    de: "Die Seite wurde verschoben oder entfernt. Versuchen Sie die Bereiche unten.")
  static let sections = Labels(ja: "コンテンツ", en: "Sections", de: "Bereiche")
  static let timingUpcoming = Labels(ja: "開催予定", en: "Upcoming", de: "Bevorstehend")
  static let timingOngoing = Labels(ja: "開催中", en: "Happening now", de: "Läuft gerade")
  static let timingPast = Labels(ja: "終了", en: "Past", de: "Vergangen")
  static let registrationOpen = Labels(ja: "申込受付中", en: "Registration open", de: "Anmeldung offen")
  static let registrationClosingSoon = Labels(ja: "まもなく締切", en: "Closing soon", de: "Anmeldung endet bald")
  static let registrationClosed = Labels(ja: "申込受付終了", en: "Registration closed", de: "Anmeldung geschlossen")
  static let example = Labels(ja: "掲載例", en: "Example", de: "Beispiel")
  static let yes = Labels(ja: "あり", en: "Yes", de: "Ja")
  static let no = Labels(ja: "なし", en: "No", de: "Nein")
  static let comingUp = Labels(ja: "開催予定・開催中", en: "Coming up", de: "Demnächst")
  static let pastSeminars = Labels(ja: "終了したセミナー", en: "Past seminars", de: "Vergangene Seminare")
  static let footerNote = Labels(
    ja: "さいたま医療ものづくり都市構想のコミュニティハブ。掲載内容の誤りは相談窓口までお知らせください。",
    en: "Community hub of the Saitama medical-monozukuri initiative.",
    de: "Community-Hub der Initiative für Medizintechnik-Fertigung in Saitama.")

  /// The label with each `{name}` replaced by `values["name"]`; other braces are kept as they are.
  /// Byte by byte: the braces are ASCII, and a Character-wise search through Japanese labels made
  /// this a tenth of a list page's view.
  static func fill(_ template: Labels, _ language: Language, _ values: [String: String]) -> String {
    let text = template[language]
    let bytes = Array(text.utf8)
    guard bytes.contains(UInt8(ascii: "{")) else { return text }
    var filled: [UInt8] = []
    filled.reserveCapacity(bytes.count + 16)
    var index = 0
    while index < bytes.count {
      if bytes[index] == UInt8(ascii: "{"),
        let close = bytes[(index + 1)...].firstIndex(of: UInt8(ascii: "}")),
        let value = values[String(decoding: bytes[(index + 1)..<close], as: UTF8.self)]
      {
        filled += value.utf8
        index = close + 1
      } else {
        filled.append(bytes[index])
        index += 1
      }
    }
    return String(decoding: filled, as: UTF8.self)
  }
}
