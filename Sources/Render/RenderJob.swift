import Schema

/// One page of output. The pipeline renders jobs in parallel; each is a pure function of the
/// site and the theme.
/// Every page but entries exists once per language: Japanese at `/`, the others under `/en/`, `/de/`.
public enum RenderJob: Sendable, Hashable {
  case home(Language)
  case entry(Int)
  /// A section list page: section index, 1-based page number.
  case section(Int, page: Int, Language)
  case taxonomy(Int, Language)
  /// A term's list page: taxonomy index, term index, 1-based page number.
  case term(Int, Int, page: Int, Language)
  /// Upcoming seminars by month.
  case calendar(Language)
  /// The search page.
  case search(Language)
  /// The list of submission forms.
  case forms(Language)
  /// A submission form: index into `IntakeForms.all`.
  case form(Int, Language)
  case notFound
}
