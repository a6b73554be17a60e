import Assemble
import Schema

/// Why a candidate was suggested, as a sentence in the page's language.
enum MatchReasons {
  static func text(_ reason: Reason, _ language: Language) -> String {
    let (label, vocabulary) = describe(reason.kind)
    let separator = language == .ja ? "、" : ", "
    let values = reason.values.map { vocabulary.label($0, in: language) }.joined(separator: separator)
    return "\(label[language])\(language == .ja ? "：" : ": ")\(values)"
  }

  static func describe(_ kind: Reason.Kind) -> (Labels, Vocabulary) {
    switch kind {
    case .sharedTechAreas:
      (Labels(ja: "共通する技術分野", en: "Shared technology", de: "Gemeinsame Technologie"), Vocabularies.techAreas)
    case .sharedFocusAreas:
      (Labels(ja: "共通する重点分野", en: "Shared focus area", de: "Gemeinsamer Schwerpunkt"), Vocabularies.focusAreas)
    case .sharedClinicalAreas:
      (
        Labels(ja: "共通する臨床分野", en: "Shared clinical area", de: "Gemeinsamer klinischer Bereich"),
        Vocabularies.clinicalAreas
      )
    case .deviceClassExperience:
      (Labels(ja: "機器クラスの経験", en: "Device-class experience", de: "Erfahrung mit Geräteklassen"), Vocabularies.jpClasses)
    case .certification:
      (Labels(ja: "認証", en: "Certification", de: "Zertifizierung"), Vocabularies.certifications)
    case .medicalInvolvement:
      (
        Labels(ja: "医療分野での実績", en: "Medical involvement", de: "Bezug zur Medizintechnik"),
        Vocabularies.medicalInvolvement
      )
    case .partnerRole:
      (
        Labels(ja: "求める役割に対応", en: "Can take the role sought", de: "Passt zur gesuchten Rolle"),
        Vocabularies.partnerRoles
      )
    }
  }
}
