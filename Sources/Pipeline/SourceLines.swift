import Diagnostics
import Foundation
import Load

/// Diagnostics found after decoding know their line but not its text; read it from the file so
/// every diagnostic can show the line and a caret.
public enum SourceLines {
  public static func attach(_ diagnostics: [Diagnostic], root: String, io: FileIO) -> [Diagnostic] {
    var files: [String: [Substring]] = [:]
    return diagnostics.map { diagnostic in
      var diagnostic = diagnostic
      let location = diagnostic.location
      guard location.line > 0, location.lineText == nil else { return diagnostic }
      if files[location.path] == nil {
        let text = (try? io.read(root + "/" + location.path)).map { String(decoding: $0, as: UTF8.self) } ?? ""
        files[location.path] = text.split(separator: "\n", omittingEmptySubsequences: false)
      }
      if let lines = files[location.path], lines.indices.contains(location.line - 1) {
        var line = String(lines[location.line - 1])
        if line.hasSuffix("\r") { line.removeLast() }
        diagnostic.location.lineText = line
      }
      return diagnostic
    }
  }
}
