import Diagnostics
import Foundation
import Pipeline
import Schema
import Testing

@testable import Intake

/// A spooled submission is converted, the fixture site is built with `--drafts`, and the entry's
/// page is there with its submitted body made harmless.
@Suite struct EndToEndTests {
  func fixtureSite() throws -> String {
    let root = try temporaryFolder()
    let source = Paths.repository + "/Tests/Fixtures/sites/basic"
    for item in ["kirameki.yaml", "content"] {
      try FileManager.default.copyItem(atPath: source + "/" + item, toPath: root + "/" + item)
    }
    return root
  }

  func build(_ root: String, drafts: Bool) -> BuildResult {
    Build.run(
      BuildOptions(root: root, output: root + "/site", themes: Paths.themes, includeDrafts: drafts, now: fixedNow))
  }

  @Test func aConvertedSubmissionAppearsInADraftBuild() throws {
    let root = try fixtureSite()
    let report = try converter("need", root: root).convert(inputs: [Paths.fixtures + "/spool"])
    #expect(report.records.map(\.status) == [.written, .skipped])

    let result = build(root, drafts: true)
    #expect(!result.diagnostics.hasErrorsForTest, "\(result.diagnostics)")
    let page = root + "/site/needs/2026-11-25-20261125-7f3a9c/index.html"
    let html = try text(page)
    #expect(html.contains("手術用照明の影を減らしたい"))
    #expect(html.contains("影のない照明を。"))
    #expect(!html.contains("<script>alert(1)</script>"), "raw HTML from a submission never reaches a visitor")
    #expect(!html.contains("javascript:alert"), "nor does a javascript: link")
    #expect(!html.contains("data:image"), "the build chose the submitted-content rules: editors may use data: images")
    #expect(html.contains("詳細"), "the link text stays")
    #expect(html.contains("<a href=\"https://example.jp/spec\">仕様</a>"), "a safe link stays")
    #expect(!html.contains("kage@example.jp"), "personal data is not published")

    let published = build(root, drafts: false)
    #expect(published.wrote)
    #expect(!FileManager.default.fileExists(atPath: page), "a draft is not published without --drafts")
  }
}

extension Array where Element == Diagnostic {
  var hasErrorsForTest: Bool { contains { $0.severity == .error } }
}
