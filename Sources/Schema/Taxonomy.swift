/// A field whose values get their own listing pages, `/tech-areas/optics/`.
public struct Taxonomy: Sendable, Hashable {
  /// The front-matter field, `tech_areas`.
  public var field: String
  /// The URL segment, `tech-areas`.
  public var segment: String
  public var label: Labels
  /// The allowed values with their labels; `nil` for free tags.
  public var vocabulary: Vocabulary?

  public init(field: String, segment: String, label: Labels, vocabulary: Vocabulary?) {
    self.field = field
    self.segment = segment
    self.label = label
    self.vocabulary = vocabulary
  }
}

public enum Taxonomies {
  public static let all: [Taxonomy] = [
    Taxonomy(
      field: "focus_areas", segment: "focus-areas", label: CommonFields.focusAreas.label,
      vocabulary: Vocabularies.focusAreas),
    Taxonomy(
      field: "tech_areas", segment: "tech-areas", label: SharedFields.techAreas.label,
      vocabulary: Vocabularies.techAreas),
    Taxonomy(
      field: "clinical_areas", segment: "clinical-areas", label: SharedFields.clinicalAreas.label,
      vocabulary: Vocabularies.clinicalAreas),
    Taxonomy(
      field: "jp_class", segment: "jp-classes", label: SharedFields.jpClass.label, vocabulary: Vocabularies.jpClasses),
    Taxonomy(
      field: "eu_class", segment: "eu-classes", label: SharedFields.euClass.label, vocabulary: Vocabularies.euClasses),
    Taxonomy(field: "tags", segment: "tags", label: CommonFields.tags.label, vocabulary: nil),
  ]
}
