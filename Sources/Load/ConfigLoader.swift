import Diagnostics
import Foundation
import Schema
import Yams

/// Reads and checks `kirameki.yaml`.
public enum ConfigLoader {
  public static func load(root: String, io: FileIO) -> (SiteConfig?, [Diagnostic]) {
    let path = SiteConfig.fileName
    guard io.exists(root + "/" + path) else {
      return (
        nil, [.error(at: .file(path), "the site configuration is missing", hint: "create \(path) at the site root")]
      )
    }
    guard let data = try? io.read(root + "/" + path), let text = String(data: data, encoding: .utf8) else {
      return (nil, [.error(at: .file(path), "cannot read the site configuration as UTF-8")])
    }
    return parse(text, path: path)
  }

  public static func parse(_ text: String, path: String = SiteConfig.fileName) -> (SiteConfig?, [Diagnostic]) {
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    func at(_ node: Node?) -> SourceLocation {
      guard let mark = node?.mark else { return .file(path) }
      let lineText = mark.line <= lines.count ? lines[mark.line - 1] : nil
      return SourceLocation(path: path, line: mark.line, column: mark.column, lineText: lineText)
    }
    let root: Node
    do {
      guard let node = try Yams.compose(yaml: text) else {
        return (nil, [.error(at: .file(path), "the site configuration is empty")])
      }
      root = node
    } catch let error as YamlError {
      return (nil, [YAMLDiagnostics.diagnostic(for: error, path: path, lineOffset: 0, lines: lines)])
    } catch {
      return (nil, [.error(at: .file(path), "\(error)")])
    }
    guard let mapping = root.mapping else {
      return (nil, [.error(at: at(root), "the site configuration must be a mapping of settings")])
    }
    var diagnostics: [Diagnostic] = []
    let known = ["title", "tagline", "base_url", "languages", "page_size", "theme", "intake_url"]
    for (key, _) in mapping {
      guard let name = key.string, !known.contains(name) else { continue }
      let hint =
        Suggestions.closest(to: name, in: known).map { "did you mean '\($0)'?" } ?? "known settings: "
        + known.joined(separator: ", ")
      diagnostics.append(.warning(at: at(key), field: name, "unknown setting '\(name)'", hint: hint))
    }
    func labels(_ name: String) -> Labels? {
      guard let node = mapping[name] else { return nil }
      if let text = node.string { return Labels(ja: text, en: text, de: text) }
      guard let map = node.mapping, let ja = map["ja"]?.string else {
        diagnostics.append(
          .error(
            at: at(node), field: name, "'\(name)' needs at least a Japanese text",
            hint: "write \(name): {ja: …, en: …, de: …}"))
        return nil
      }
      let en = map["en"]?.string ?? ja
      return Labels(ja: ja, en: en, de: map["de"]?.string ?? en)
    }
    let title = labels("title")
    if mapping["title"] == nil {
      diagnostics.append(
        .error(at: at(root), field: "title", "the site needs a title", hint: "title: {ja: …, en: …, de: …}"))
    }
    let tagline = labels("tagline") ?? Labels(ja: "", en: "", de: "")
    var baseURL = mapping["base_url"]?.string ?? "http://localhost:8000/"
    if !(baseURL.hasPrefix("https://") || baseURL.hasPrefix("http://")) {
      diagnostics.append(
        .error(
          at: at(mapping["base_url"]), field: "base_url", "'base_url' must be an absolute URL",
          hint: "for example https://hub.example.org/"))
    }
    if !baseURL.hasSuffix("/") { baseURL += "/" }
    var languages: [Language] = []
    if let node = mapping["languages"] {
      for item in node.sequence ?? [] {
        guard let code = item.string, let language = Language(rawValue: code) else {
          diagnostics.append(
            .error(
              at: at(item), field: "languages", "unknown language '\(item.string ?? "")'", hint: "allowed: ja, en, de"))
          continue
        }
        languages.append(language)
      }
    }
    if languages.isEmpty { languages = Language.allCases }
    var pageSize = 10
    if let node = mapping["page_size"] {
      if let value = node.int, value > 0 {
        pageSize = value
      } else {
        diagnostics.append(
          .error(
            at: at(node), field: "page_size", "'page_size' must be a positive whole number", hint: "for example 10"))
      }
    }
    let theme = mapping["theme"]?.string ?? "default"
    var intakeURL: String?
    if let node = mapping["intake_url"] {
      let (url, diagnostic) = IntakeURL.check(node.string, at: at(node))
      intakeURL = url
      if let diagnostic { diagnostics.append(diagnostic) }
    }
    guard let title, !diagnostics.hasErrors else { return (nil, diagnostics) }
    return (
      SiteConfig(
        title: title, tagline: tagline, baseURL: baseURL, languages: languages, pageSize: pageSize, theme: theme,
        intakeURL: intakeURL),
      diagnostics
    )
  }
}
