/// The hub's four public forms.
public enum IntakeForms {
  static let needFields = [
    "title", "summary", "confidentiality", "submitter_role", "development", "partners_sought", "jp_class",
    "tech_areas", "clinical_areas", "focus_areas", "expires",
  ]

  public static let need = IntakeForm(
    name: "need", contentType: ContentTypes.need,
    title: Labels(ja: "医療現場ニーズの投稿", en: "Post a clinical need", de: "Klinischen Bedarf einreichen"),
    submitterFields: needFields, fixedValues: ["kind": "clinical_need", "status": "open"])

  public static let seed = IntakeForm(
    name: "seed", contentType: ContentTypes.need,
    title: Labels(ja: "技術シーズの投稿", en: "Offer a technology seed", de: "Technologieangebot einreichen"),
    submitterFields: needFields, fixedValues: ["kind": "tech_seed", "status": "open"])

  public static let company = IntakeForm(
    name: "company", contentType: ContentTypes.company,
    title: Labels(ja: "企業プロフィールの登録", en: "Register a company profile", de: "Firmenprofil eintragen"),
    submitterFields: [
      "title", "summary", "location", "founded", "employees", "tech_areas", "offerings", "medical_involvement",
      "certifications", "iso13485_scope", "manufacturing_registration", "mah_license", "cleanroom", "exhibitions",
      "jp_class", "clinical_areas", "focus_areas",
    ], fixedValues: [:])

  public static let seminar = IntakeForm(
    name: "seminar", contentType: ContentTypes.seminar,
    title: Labels(ja: "セミナー企画の提案", en: "Propose a seminar", de: "Seminar vorschlagen"),
    submitterFields: [
      "title", "summary", "start", "end", "attendance", "organizer", "venue", "address", "online_url", "series",
      "fee", "capacity", "registration_deadline", "registration_url", "languages", "speakers", "tech_areas",
      "clinical_areas", "focus_areas",
    ], fixedValues: [:])

  public static let all: [IntakeForm] = [need, seed, company, seminar]

  public static func named(_ name: String) -> IntakeForm? {
    all.first { $0.name == name }
  }
}
