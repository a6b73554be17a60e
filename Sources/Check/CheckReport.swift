import Diagnostics
import Foundation

/// What `kirameki check` found, grouped by file for people and as JSON for machines.
public struct CheckReport: Sendable {
  public var diagnostics: [Diagnostic]
  /// False when errors kept the site from rendering, so links and anchors could not be checked.
  public var linksChecked: Bool

  public init(diagnostics: [Diagnostic], linksChecked: Bool) {
    self.diagnostics = diagnostics
    self.linksChecked = linksChecked
  }

  public var hasErrors: Bool { diagnostics.hasErrors }
  public var hasWarnings: Bool { diagnostics.contains { $0.severity == .warning } }

  /// Files in path order, each with its diagnostics in line order.
  public var byFile: [(path: String, diagnostics: [Diagnostic])] {
    var order: [String] = []
    var groups: [String: [Diagnostic]] = [:]
    for diagnostic in diagnostics {
      let path = diagnostic.location.path
      if groups[path] == nil { order.append(path) }
      groups[path, default: []].append(diagnostic)
    }
    return order.map { ($0, groups[$0] ?? []) }
  }

  /// A heading per file, then its diagnostics as a compiler prints them, then a summary.
  public func text() -> String {
    var blocks = byFile.map { group in
      "== \(group.path) (\(DiagnosticFormatter.summary(group.diagnostics)))\n"
        + DiagnosticFormatter.format(group.diagnostics)
    }
    var summary =
      "checked: \(DiagnosticFormatter.summary(diagnostics)) in \(byFile.count) file\(byFile.count == 1 ? "" : "s")"
    if !linksChecked {
      summary += "; links and anchors were not checked because errors stopped the site from rendering"
    }
    blocks.append(summary)
    return blocks.joined(separator: "\n\n")
  }

  public func json() -> String {
    let document = JSONReport(
      version: 1,
      summary: .init(
        errors: diagnostics.filter { $0.severity == .error }.count,
        warnings: diagnostics.filter { $0.severity == .warning }.count, files: byFile.count, linksChecked: linksChecked),
      files: byFile.map { group in
        .init(
          path: group.path,
          diagnostics: group.diagnostics.map {
            .init(
              severity: $0.severity.rawValue, line: $0.location.line > 0 ? $0.location.line : nil,
              column: $0.location.column > 0 ? $0.location.column : nil, field: $0.field, message: $0.message,
              hint: $0.hint, text: DiagnosticFormatter.format($0))
          })
      })
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    let data = (try? encoder.encode(document)) ?? Data("{}".utf8)
    return String(decoding: data, as: UTF8.self)
  }

  struct JSONReport: Encodable {
    var version: Int
    var summary: Summary
    var files: [File]

    struct Summary: Encodable {
      var errors: Int
      var warnings: Int
      var files: Int
      var linksChecked: Bool
    }

    struct File: Encodable {
      var path: String
      var diagnostics: [Item]
    }

    struct Item: Encodable {
      var severity: String
      var line: Int?
      var column: Int?
      var field: String?
      var message: String
      var hint: String?
      /// The diagnostic exactly as the terminal prints it.
      var text: String
    }
  }
}
