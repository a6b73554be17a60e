import Crypto
import Diagnostics
import Foundation
import Load
import Mustache

/// Templates and assets: the theme's files, each replaceable by a site file at the same path
/// (`templates/entry.mustache`, `assets/style.css` at the site root).
public struct Theme: Sendable {
  public var library: MustacheLibrary
  /// The same templates compiled: what pages are rendered with (`render(_:withTemplate:)`).
  var compiled: TemplateSet
  /// Output path of each asset by its source name, `style.css` → `assets/style.1a2b3c4d5e.css`.
  public var assetURLs: [String: String]
  public var assets: [OutputFile]

  /// Put before every template: a line of its own, which Mustache drops from the output, that
  /// selects the fast escaper. A template may still set another content type itself.
  static let contentTypeLine = "{{% CONTENT_TYPE: \(HTMLEscaping.name) }}\n"

  public static func load(root: String, name: String, themes: String? = nil, io: FileIO) -> (Theme?, [Diagnostic]) {
    let themeDir = (themes ?? "themes") + "/\(name)"
    var diagnostics: [Diagnostic] = []
    guard io.exists(resolve(root, themeDir)) else {
      return (
        nil, [.error(at: .file(themeDir), "the theme '\(name)' does not exist", hint: "check 'theme' in kirameki.yaml")]
      )
    }
    var library = MustacheLibrary()
    var sources: [String: String] = [:]
    // Registering the same escaper under the same name again is harmless; it must precede parsing,
    // which looks the content type up.
    MustacheContentTypes.register(HTMLEscaping(), named: HTMLEscaping.name)
    for (name, path) in files(in: "templates", themeDir: themeDir, root: root, io: io) where name.hasSuffix(".mustache")
    {
      guard let data = try? io.read(resolve(root, path)), let text = String(data: data, encoding: .utf8) else {
        diagnostics.append(.error(at: .file(path), "cannot read the template as UTF-8"))
        continue
      }
      do {
        let name = String(name.dropLast(".mustache".count))
        library.register(try MustacheTemplate(string: contentTypeLine + text), named: name)
        sources[name] = contentTypeLine + text
      } catch let error as MustacheTemplate.ParserError {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let line = error.context.lineNumber - 1
        let explanation = TemplateErrors.explain(error.error)
        diagnostics.append(
          .error(
            at: SourceLocation(
              path: path, line: line, column: error.context.columnNumber + 1,
              lineText: line >= 1 && line <= lines.count ? lines[line - 1] : nil),
            "template error: \(explanation.message)", hint: explanation.hint))
      } catch {
        diagnostics.append(.error(at: .file(path), "template error: \(error)"))
      }
    }
    var assetURLs: [String: String] = [:]
    var assets: [OutputFile] = []
    for (name, path) in files(in: "assets", themeDir: themeDir, root: root, io: io) {
      guard let data = try? io.read(resolve(root, path)) else {
        diagnostics.append(.error(at: .file(path), "cannot read the asset"))
        continue
      }
      let hashed = "assets/" + hashedName(name, data: data)
      assetURLs[name] = "/" + hashed
      assets.append(OutputFile(path: hashed, data: data))
    }
    let theme = Theme(library: library, compiled: TemplateSet(sources: sources), assetURLs: assetURLs, assets: assets)
    return (theme, diagnostics)
  }

  /// `object` rendered with the template `name`: by the compiled templates, or by swift-mustache
  /// for a template they leave to it; nil when the theme has no such template.
  public func render(_ object: Any, withTemplate name: String) -> String? {
    compiled.render(object, withTemplate: name) ?? library.render(object, withTemplate: name)
  }

  /// `renderData(_:withTemplate:)` with the bytes kept in `memory` (a renderer's recycled blocks)
  /// when the compiled templates render it.
  func renderData(_ object: Any, withTemplate name: String, in memory: PageMemory?) -> Data? {
    compiled.renderData(object, withTemplate: name, in: memory)
      ?? library.render(object, withTemplate: name).map { Data($0.utf8) }
  }

  /// `render(_:withTemplate:)` as UTF-8 bytes, for a page about to be written.
  public func renderData(_ object: Any, withTemplate name: String) -> Data? {
    renderData(object, withTemplate: name, in: nil)
  }

  /// Relative names and paths of the files in a theme folder, with site files taking precedence.
  static func files(in folder: String, themeDir: String, root: String, io: FileIO) -> [(String, String)] {
    var byName: [String: String] = [:]
    for name in (try? io.listFiles(resolve(root, themeDir + "/" + folder))) ?? [] {
      byName[name] = themeDir + "/" + folder + "/" + name
    }
    for name in (try? io.listFiles(root + "/" + folder)) ?? [] {
      byName[name] = folder + "/" + name
    }
    return byName.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
  }

  /// A path relative to the site root, or an absolute one as it is.
  static func resolve(_ root: String, _ path: String) -> String {
    path.hasPrefix("/") ? path : root + "/" + path
  }

  /// `style.css` → `style.<first 10 hex digits of SHA-256>.css`, so a CDN can cache it forever.
  static func hashedName(_ name: String, data: Data) -> String {
    let digest = SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined().prefix(10)
    guard let dot = name.lastIndex(of: ".") else { return "\(name).\(digest)" }
    return "\(name[..<dot]).\(digest)\(name[dot...])"
  }
}
