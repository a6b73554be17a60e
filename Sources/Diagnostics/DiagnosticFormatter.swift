/// Formats diagnostics the way compilers do:
///
///     content/seminars/x.ja.md:4:13: error: 'attendance' must be one of the allowed values
///         attendance: hybrid
///                     ^
///       hint: allowed values: offline, online, mixed
public enum DiagnosticFormatter {
  public static func format(_ diagnostic: Diagnostic) -> String {
    let loc = diagnostic.location
    var position = loc.path
    if loc.line > 0 {
      position += ":\(loc.line)"
      if loc.column > 0 { position += ":\(loc.column)" }
    }
    var out = "\(position): \(diagnostic.severity.rawValue): \(diagnostic.message)"
    if let text = loc.lineText, loc.line > 0 {
      out += "\n    \(text)"
      if loc.column > 0 {
        out += "\n    " + caretPadding(for: text, column: loc.column) + "^"
      }
    }
    if let hint = diagnostic.hint {
      out += "\n  hint: \(hint)"
    }
    return out
  }

  public static func format(_ diagnostics: [Diagnostic]) -> String {
    diagnostics.map(format).joined(separator: "\n")
  }

  /// A one-line summary such as "2 errors, 1 warning".
  public static func summary(_ diagnostics: [Diagnostic]) -> String {
    let errors = diagnostics.filter { $0.severity == .error }.count
    let warnings = diagnostics.count - errors
    return "\(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")"
  }

  /// Padding that lines a caret up under `column`; East Asian wide characters take two cells
  /// and tabs are kept so the caret stays aligned in a terminal.
  static func caretPadding(for line: String, column: Int) -> String {
    var pad = ""
    for scalar in line.unicodeScalars.prefix(max(0, column - 1)) {
      if scalar == "\t" {
        pad += "\t"
      } else {
        pad += String(repeating: " ", count: EastAsianWidth.isWide(scalar) ? 2 : 1)
      }
    }
    return pad
  }
}
