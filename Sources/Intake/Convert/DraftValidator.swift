import Decode
import Diagnostics
import Load

/// Checks a draft with the build's own loader and decoder, so a draft `convert` writes is one the
/// build accepts: the schema's rules are never repeated here.
enum DraftValidator {
  /// Errors as field problems (empty when the build would accept the draft).
  static func problems(in text: String, draft: Draft) -> [FieldProblem] {
    let path = "content/" + draft.relativePath
    let source: Source
    switch SourceParser.parse(path: path, text: text) {
    case .success(let parsed): source = parsed
    case .failure(let diagnostic): return [problem(diagnostic, draft: draft)]
    }
    let (_, diagnostics) = EntryDecoder.decode(source)
    return diagnostics.filter { $0.severity == .error }.map { problem($0, draft: draft) }
  }

  static func problem(_ diagnostic: Diagnostic, draft: Draft) -> FieldProblem {
    let field = diagnostic.field.map { String($0.split(separator: ".").first ?? Substring($0)) }
    return FieldProblem(
      field: diagnostic.field, column: field.flatMap { draft.columns[$0] }, diagnostic.message, hint: diagnostic.hint)
  }
}
