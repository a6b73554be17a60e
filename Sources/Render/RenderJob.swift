/// One page of output. The pipeline renders jobs in parallel; each is a pure function of the
/// site and the theme.
public enum RenderJob: Sendable, Hashable {
  case home
  case entry(Int)
  /// A section list page: section index, 1-based page number.
  case section(Int, page: Int)
  case taxonomy(Int)
  /// A term's list page: taxonomy index, term index, 1-based page number.
  case term(Int, Int, page: Int)
  case notFound
}
