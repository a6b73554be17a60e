import Diagnostics
import Yams

/// Turns a Yams error into a diagnostic that points into the whole file.
public enum YAMLDiagnostics {
  public static func diagnostic(for error: YamlError, path: String, lineOffset: Int, lines: [String]) -> Diagnostic {
    func location(_ mark: Mark) -> SourceLocation {
      let line = mark.line + lineOffset
      let text = line >= 1 && line <= lines.count ? lines[line - 1] : nil
      return SourceLocation(path: path, line: line, column: mark.column, lineText: text)
    }
    let hint = "check the indentation and quoting; a value with ': ' or '#' needs quotes"
    switch error {
    case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
      .composer(_, let problem, let mark, _):
      return .error(at: location(mark), "invalid YAML: \(problem)", hint: hint)
    case .duplicatedKeysInMapping(let duplicates, let context):
      return .error(
        at: location(context.mark), field: duplicates.first,
        "the field '\(duplicates.joined(separator: "', '"))' is given twice", hint: "keep one of them")
    case .reader(let problem, _, _, _):
      return .error(at: .file(path), "cannot read the YAML: \(problem)")
    default:
      return .error(at: .file(path), "invalid YAML: \(error)")
    }
  }
}
