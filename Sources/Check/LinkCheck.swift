import Assemble
import Diagnostics
import Foundation
import Markdown

/// Links in entry bodies to pages, files and anchors of the site that do not exist.
enum LinkCheck {
  static func diagnostics(site: Site, targets: LinkTargets) -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    let internalPrefix =
      site.config.baseURL.hasSuffix("/") ? String(site.config.baseURL.dropLast()) : site.config.baseURL
    for page in site.pages {
      let bodyLines = page.entry.body.split(separator: "\n", omittingEmptySubsequences: false)
      for link in page.document.links {
        guard let problem = check(link.destination, from: page.url, internalPrefix: internalPrefix, targets: targets)
        else { continue }
        let lineIndex = link.line - 1
        let lineText = bodyLines.indices.contains(lineIndex) ? String(bodyLines[lineIndex]) : nil
        let location = SourceLocation(
          path: page.entry.path, line: page.entry.bodyLine + lineIndex,
          column: lineText.map { scalarColumn(in: $0, byteColumn: link.byteColumn) } ?? 0, lineText: lineText)
        diagnostics.append(.error(at: location, problem.message, hint: problem.hint))
      }
    }
    return diagnostics
  }

  struct Problem {
    var message: String
    var hint: String?
  }

  /// What is wrong with one destination, or nil when it resolves (or leaves the site).
  static func check(_ destination: String, from pageURL: String, internalPrefix: String, targets: LinkTargets)
    -> Problem?
  {
    var reference = destination
    if reference.hasPrefix(internalPrefix + "/") {
      reference.removeFirst(internalPrefix.count)
    }
    if isExternal(reference) { return nil }
    let (pathPart, fragment) = split(reference)
    let urlPath = resolve(pathPart, against: pageURL)
    guard let file = targets.file(forURLPath: urlPath) else {
      let hint = Suggestions.closest(to: urlPath, in: targets.pageURLs).map { "did you mean '\($0)'?" }
      let isFile = urlPath.split(separator: "/").last?.contains(".") == true
      return Problem(
        message: "link to '\(destination)', but the site has no page or file at '\(urlPath)'",
        hint: hint
          ?? (isFile
            ? "files are copied from content/ as they are: put it there, or fix the path"
            : "check the entry's id and section, or link a page that exists"))
    }
    guard let fragment, !fragment.isEmpty, file.hasSuffix(".html") else { return nil }
    let anchor = fragment.removingPercentEncoding ?? fragment
    let anchors = targets.anchors[file] ?? []
    if anchors.contains(anchor) { return nil }
    let suggestion = Suggestions.closest(to: anchor, in: anchors.sorted())
    return Problem(
      message: "link to '\(destination)', but '\(urlPath)' has no anchor '#\(anchor)'",
      hint: suggestion.map { "did you mean '#\($0)'?" } ?? "anchors come from headings: '## 見出し' gives '#見出し'")
  }

  static func isExternal(_ reference: String) -> Bool {
    if reference.hasPrefix("//") { return true }
    guard let colon = reference.firstIndex(of: ":") else { return false }
    let scheme = reference[..<colon]
    return !scheme.isEmpty && !scheme.contains("/") && !scheme.contains("#") && !scheme.contains("?")
  }

  static func split(_ reference: String) -> (path: String, fragment: String?) {
    var path = reference
    var fragment: String?
    if let hash = path.firstIndex(of: "#") {
      fragment = String(path[path.index(after: hash)...])
      path = String(path[..<hash])
    }
    if let query = path.firstIndex(of: "?") { path = String(path[..<query]) }
    return (path.removingPercentEncoding ?? path, fragment)
  }

  /// A path relative to the page's folder, or absolute, as a normalised absolute URL path.
  static func resolve(_ path: String, against pageURL: String) -> String {
    if path.isEmpty { return pageURL }
    let base = path.hasPrefix("/") ? [] : pageURL.split(separator: "/").map(String.init)
    var segments = base
    let parts = path.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
    for part in parts {
      switch part {
      case ".": continue
      case "..": if !segments.isEmpty { segments.removeLast() }
      default: segments.append(part)
      }
    }
    let trailing = path.hasSuffix("/") || parts.last == "." || parts.last == ".."
    return "/" + segments.joined(separator: "/") + (trailing && !segments.isEmpty ? "/" : "")
  }

  /// cmark counts columns in bytes; diagnostics count Unicode scalars.
  static func scalarColumn(in line: String, byteColumn: Int) -> Int {
    let bytes = Array(line.utf8.prefix(max(0, byteColumn - 1)))
    return String(decoding: bytes, as: UTF8.self).unicodeScalars.count + 1
  }
}
