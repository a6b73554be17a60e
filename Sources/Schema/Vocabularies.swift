/// The hub's controlled vocabularies, each defined once with its ja/en/de labels.
public enum Vocabularies {
  public static let focusAreas = Vocabulary(
    "focus_area",
    [
      EnumValue(
        "laser_photonics", ja: "レーザー・フォトニクス技術応用医療", en: "Laser and photonics in medicine",
        de: "Laser und Photonik in der Medizin"),
      EnumValue(
        "minimally_invasive", ja: "低侵襲・低リスク技術（超精密加工・高度部材）",
        en: "Minimally invasive, low-risk technology", de: "Minimalinvasive, risikoarme Technik"),
      EnumValue(
        "perinatal_pediatric_preventive", ja: "周産期・小児医療、予防医療",
        en: "Perinatal, pediatric and preventive medicine",
        de: "Perinatal-, Kinder- und Präventivmedizin"),
    ])

  public static let techAreas = Vocabulary(
    "tech_area",
    [
      EnumValue("laser_photonics", ja: "レーザー・フォトニクス", en: "Laser and photonics", de: "Laser und Photonik"),
      EnumValue("optics", ja: "光学", en: "Optics", de: "Optik"),
      EnumValue(
        "ultra_precision_machining", ja: "超精密加工", en: "Ultra-precision machining",
        de: "Ultrapräzisionsbearbeitung"),
      EnumValue("advanced_materials", ja: "高度部材・材料", en: "Advanced materials", de: "Hochleistungswerkstoffe"),
      EnumValue("surface_treatment", ja: "表面処理", en: "Surface treatment", de: "Oberflächenbehandlung"),
      EnumValue("electronics", ja: "エレクトロニクス", en: "Electronics", de: "Elektronik"),
      EnumValue("sensors", ja: "センサー", en: "Sensors", de: "Sensorik"),
      EnumValue(
        "control_mechatronics", ja: "制御・メカトロニクス", en: "Control and mechatronics",
        de: "Steuerung und Mechatronik"),
      EnumValue("software_ai", ja: "ソフトウェア・AI", en: "Software and AI", de: "Software und KI"),
      EnumValue("imaging", ja: "画像・イメージング", en: "Imaging", de: "Bildgebung"),
      EnumValue("plastics_molding", ja: "樹脂成形", en: "Plastics moulding", de: "Kunststoffspritzguss"),
      EnumValue("metal_processing", ja: "金属加工", en: "Metal processing", de: "Metallbearbeitung"),
      EnumValue("assembly", ja: "組立", en: "Assembly", de: "Montage"),
      EnumValue(
        "sterilization_packaging", ja: "滅菌・包装", en: "Sterilisation and packaging",
        de: "Sterilisation und Verpackung"),
    ])

  public static let clinicalAreas = Vocabulary(
    "clinical_area",
    [
      EnumValue("surgery", ja: "外科", en: "Surgery", de: "Chirurgie"),
      EnumValue("orthopedics", ja: "整形外科", en: "Orthopaedics", de: "Orthopädie"),
      EnumValue("ophthalmology", ja: "眼科", en: "Ophthalmology", de: "Augenheilkunde"),
      EnumValue("cardiology", ja: "循環器", en: "Cardiology", de: "Kardiologie"),
      EnumValue("dermatology", ja: "皮膚科", en: "Dermatology", de: "Dermatologie"),
      EnumValue(
        "obstetrics_perinatal", ja: "産科・周産期", en: "Obstetrics and perinatal care",
        de: "Geburtshilfe und Perinatalmedizin"),
      EnumValue("pediatrics", ja: "小児科", en: "Paediatrics", de: "Kinderheilkunde"),
      EnumValue("dentistry", ja: "歯科", en: "Dentistry", de: "Zahnmedizin"),
      EnumValue("rehabilitation", ja: "リハビリテーション", en: "Rehabilitation", de: "Rehabilitation"),
      EnumValue("nursing", ja: "看護", en: "Nursing", de: "Pflege"),
      EnumValue("clinical_engineering", ja: "臨床工学", en: "Clinical engineering", de: "Medizintechnik im Klinikbetrieb"),
      EnumValue("home_care", ja: "在宅医療・介護", en: "Home care", de: "Häusliche Versorgung"),
      EnumValue("preventive", ja: "予防・健康管理", en: "Prevention and health care", de: "Prävention"),
    ])

  public static let jpClasses = Vocabulary(
    "jp_class",
    [
      EnumValue("I", ja: "クラスI（一般医療機器）", en: "Class I (general)", de: "Klasse I (allgemein)"),
      EnumValue("II", ja: "クラスII（管理医療機器）", en: "Class II (controlled)", de: "Klasse II (kontrolliert)"),
      EnumValue(
        "III", ja: "クラスIII（高度管理医療機器）", en: "Class III (specially controlled)",
        de: "Klasse III (besonders kontrolliert)"),
      EnumValue(
        "IV", ja: "クラスIV（高度管理医療機器）", en: "Class IV (specially controlled)",
        de: "Klasse IV (besonders kontrolliert)"),
    ])

  public static let euClasses = Vocabulary(
    "eu_class",
    [
      EnumValue("I", ja: "クラスI", en: "Class I", de: "Klasse I"),
      EnumValue("Is", ja: "クラスIs（滅菌）", en: "Class Is (sterile)", de: "Klasse Is (steril)"),
      EnumValue("Im", ja: "クラスIm（測定機能）", en: "Class Im (measuring)", de: "Klasse Im (Messfunktion)"),
      EnumValue(
        "Ir", ja: "クラスIr（再使用可能な手術器具）", en: "Class Ir (reusable surgical)",
        de: "Klasse Ir (wiederverwendbar, chirurgisch)"),
      EnumValue("IIa", ja: "クラスIIa", en: "Class IIa", de: "Klasse IIa"),
      EnumValue("IIb", ja: "クラスIIb", en: "Class IIb", de: "Klasse IIb"),
      EnumValue("III", ja: "クラスIII", en: "Class III", de: "Klasse III"),
    ])

  public static let pathways = Vocabulary(
    "pathway",
    [
      EnumValue("todokede", ja: "製造販売届出", en: "Notification (todokede)", de: "Anzeige (Todokede)"),
      EnumValue("ninsho", ja: "製造販売認証", en: "Third-party certification (ninsho)", de: "Zertifizierung (Ninsho)"),
      EnumValue("shonin", ja: "製造販売承認", en: "Approval (shonin)", de: "Zulassung (Shonin)"),
    ])

  public static let languages = Vocabulary(
    "language", Language.allCases.map { EnumValue($0.rawValue, ja: jaName($0), en: enName($0), de: deName($0)) })

  public static let attendance = Vocabulary(
    "attendance",
    [
      EnumValue("offline", ja: "会場開催", en: "In person", de: "Vor Ort"),
      EnumValue("online", ja: "オンライン", en: "Online", de: "Online"),
      EnumValue("mixed", ja: "会場＋オンライン", en: "In person and online", de: "Vor Ort und online"),
    ])

  public static let seminarStatus = Vocabulary(
    "seminar_status",
    [
      EnumValue("scheduled", ja: "開催予定", en: "Scheduled", de: "Geplant"),
      EnumValue("cancelled", ja: "中止", en: "Cancelled", de: "Abgesagt"),
      EnumValue("postponed", ja: "延期", en: "Postponed", de: "Verschoben"),
      EnumValue("rescheduled", ja: "日程変更", en: "Rescheduled", de: "Neuer Termin"),
      EnumValue("moved_online", ja: "オンライン開催に変更", en: "Moved online", de: "Online verlegt"),
    ])

  public static let jurisdictions = Vocabulary(
    "jurisdiction",
    [
      EnumValue("jp", ja: "日本", en: "Japan", de: "Japan"),
      EnumValue("eu", ja: "EU", en: "EU", de: "EU"),
      EnumValue("jp_eu", ja: "日本・EU", en: "Japan and EU", de: "Japan und EU"),
    ])

  public static let offerings = Vocabulary(
    "offering",
    [
      EnumValue("parts_materials", ja: "部品・材料供給", en: "Parts and materials", de: "Teile und Werkstoffe"),
      EnumValue("custom_machining", ja: "受託加工", en: "Contract machining", de: "Lohnfertigung"),
      EnumValue("prototype_design", ja: "試作・設計", en: "Prototyping and design", de: "Prototypen und Konstruktion"),
      EnumValue("oem", ja: "OEM", en: "OEM", de: "OEM"),
      EnumValue("odm", ja: "ODM", en: "ODM", de: "ODM"),
      EnumValue("own_product", ja: "自社製品", en: "Own products", de: "Eigene Produkte"),
      EnumValue("testing_evaluation", ja: "試験・評価", en: "Testing and evaluation", de: "Prüfung und Bewertung"),
    ])

  public static let medicalInvolvement = Vocabulary(
    "medical_involvement",
    [
      EnumValue("none", ja: "医療分野の実績なし", en: "No medical work yet", de: "Noch keine Medizintechnik"),
      EnumValue("exploring", ja: "参入を検討中", en: "Exploring the field", de: "Prüft den Einstieg"),
      EnumValue(
        "supplier_to_mah", ja: "製造販売業者へ部材供給", en: "Supplier to device makers",
        de: "Zulieferer für Hersteller"),
      EnumValue("oem_for_mah", ja: "製造販売業者のOEM", en: "OEM for device makers", de: "OEM für Hersteller"),
      EnumValue("own_devices", ja: "自社で医療機器を製造販売", en: "Own medical devices", de: "Eigene Medizinprodukte"),
    ])

  public static let certifications = Vocabulary(
    "certification",
    [
      EnumValue("iso13485", ja: "ISO 13485", en: "ISO 13485"),
      EnumValue("iso9001", ja: "ISO 9001", en: "ISO 9001"),
      EnumValue("iso14001", ja: "ISO 14001", en: "ISO 14001"),
      EnumValue("iso17025", ja: "ISO/IEC 17025", en: "ISO/IEC 17025"),
      EnumValue("jisq9100", ja: "JIS Q 9100", en: "JIS Q 9100"),
    ])

  public static let mahLicense = Vocabulary(
    "mah_license",
    [
      EnumValue("none", ja: "なし", en: "None", de: "Keine"),
      EnumValue("first", ja: "第一種製造販売業許可", en: "First-class MAH licence", de: "MAH-Lizenz erster Klasse"),
      EnumValue("second", ja: "第二種製造販売業許可", en: "Second-class MAH licence", de: "MAH-Lizenz zweiter Klasse"),
      EnumValue("third", ja: "第三種製造販売業許可", en: "Third-class MAH licence", de: "MAH-Lizenz dritter Klasse"),
    ])

  public static let cleanroom = Vocabulary(
    "cleanroom",
    [
      EnumValue("none", ja: "なし", en: "None", de: "Keiner"),
      EnumValue("iso5", ja: "ISO クラス5", en: "ISO class 5", de: "ISO-Klasse 5"),
      EnumValue("iso6", ja: "ISO クラス6", en: "ISO class 6", de: "ISO-Klasse 6"),
      EnumValue("iso7", ja: "ISO クラス7", en: "ISO class 7", de: "ISO-Klasse 7"),
      EnumValue("iso8", ja: "ISO クラス8", en: "ISO class 8", de: "ISO-Klasse 8"),
    ])

  public static let needKinds = Vocabulary(
    "need_kind",
    [
      EnumValue("clinical_need", ja: "医療現場ニーズ", en: "Clinical need", de: "Klinischer Bedarf"),
      EnumValue("tech_seed", ja: "技術シーズ", en: "Technology seed", de: "Technologieangebot"),
      EnumValue("partnership_request", ja: "連携先募集", en: "Partnership request", de: "Partnersuche"),
    ])

  public static let needStatus = Vocabulary(
    "need_status",
    [
      EnumValue("open", ja: "募集中", en: "Open", de: "Offen"),
      EnumValue("in_discussion", ja: "協議中", en: "In discussion", de: "In Gesprächen"),
      EnumValue("matched", ja: "マッチング成立", en: "Matched", de: "Vermittelt"),
      EnumValue("closed", ja: "終了", en: "Closed", de: "Geschlossen"),
      EnumValue("expired", ja: "掲載期限切れ", en: "Expired", de: "Abgelaufen"),
    ])

  public static let confidentiality = Vocabulary(
    "confidentiality",
    [
      EnumValue("public", ja: "公開", en: "Public", de: "Öffentlich"),
      EnumValue("summary_only", ja: "概要のみ公開", en: "Summary only", de: "Nur Zusammenfassung"),
      EnumValue("nda_required", ja: "詳細は秘密保持契約後", en: "Details under NDA", de: "Details nach NDA"),
    ])

  public static let development = Vocabulary(
    "development",
    [
      EnumValue("new_device", ja: "新規開発", en: "New device", de: "Neuentwicklung"),
      EnumValue("improvement", ja: "既存機器の改良", en: "Improvement of an existing device", de: "Verbesserung"),
    ])

  public static let partnerRoles = Vocabulary(
    "partner_role",
    [
      EnumValue("mah", ja: "製造販売業者", en: "Marketing authorisation holder", de: "Inverkehrbringer"),
      EnumValue("manufacturer", ja: "ものづくり企業", en: "Manufacturer", de: "Fertigungsunternehmen"),
      EnumValue("academia", ja: "大学・研究機関", en: "University or institute", de: "Hochschule oder Institut"),
      EnumValue("clinical", ja: "医療機関", en: "Clinical site", de: "Klinik"),
    ])

  public static let newsCategories = Vocabulary(
    "news_category",
    [
      EnumValue("exchange", ja: "交流", en: "Exchange", de: "Austausch"),
      EnumValue("trade_fair", ja: "展示会", en: "Trade fair", de: "Messe"),
      EnumValue("delegation", ja: "訪問団", en: "Delegation", de: "Delegation"),
      EnumValue("program", ja: "プログラム", en: "Programme", de: "Programm"),
      EnumValue("announcement", ja: "お知らせ", en: "Announcement", de: "Mitteilung"),
    ])

  private static func jaName(_ language: Language) -> String {
    switch language {
    case .ja: "日本語"
    case .en: "英語"
    case .de: "ドイツ語"
    }
  }

  private static func enName(_ language: Language) -> String {
    switch language {
    case .ja: "Japanese"
    case .en: "English"
    case .de: "German"
    }
  }

  private static func deName(_ language: Language) -> String {
    switch language {
    case .ja: "Japanisch"
    case .en: "Englisch"
    case .de: "Deutsch"
    }
  }
}
