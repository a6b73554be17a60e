import Check
import Diagnostics
import Foundation
import Testing

/// `Tests/Fixtures/check/site` has one of each problem `check` finds beyond the build's own
/// diagnostics; `expected.txt` is the exact report.
@Suite struct CheckReportTests {
  @Test func reportOnTheFixtureSiteMatchesExpectedText() throws {
    let report = Checker.run(checkOptions(root: Paths.checkSite))
    #expect(try matchesFixture(report.text() + "\n", Paths.fixtures + "/check/expected.txt"))
    #expect(report.hasErrors)
    #expect(report.linksChecked)
  }

  @Test func brokenLinksNameFileLineAndColumn() {
    let errors = Checker.run(checkOptions(root: Paths.checkSite)).diagnostics.filter { $0.severity == .error }
    let positions = errors.map { "\($0.location.path):\($0.location.line):\($0.location.column)" }
    #expect(
      positions == [
        "content/pages/links.ja.md:7:11", "content/pages/links.ja.md:8:11", "content/pages/links.ja.md:10:1",
        "content/pages/links.ja.md:10:61",
      ])
    #expect(errors.first?.hint == "did you mean '/guides/classes/'?")
  }

  @Test func jsonGroupsByFileWithCountsAndTheSameText() throws {
    let report = Checker.run(checkOptions(root: Paths.checkSite))
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(report.json().utf8)) as? [String: Any])
    let summary = try #require(object["summary"] as? [String: Any])
    #expect(summary["errors"] as? Int == 4)
    #expect(summary["warnings"] as? Int == 3)
    let files = try #require(object["files"] as? [[String: Any]])
    #expect(files.compactMap { $0["path"] as? String } == report.byFile.map(\.path))
    let links = try #require(files.first { $0["path"] as? String == "content/pages/links.ja.md" })
    let items = try #require(links["diagnostics"] as? [[String: Any]])
    #expect(items.count == 4)
    #expect(items.first?["line"] as? Int == 7)
    #expect(
      items.first?["text"] as? String
        == report.byFile.first { $0.path == "content/pages/links.ja.md" }.map {
          DiagnosticFormatter.format($0.diagnostics[0])
        })
  }

  @Test func fixingTheLinksLeavesOnlyWarnings() throws {
    let root = try copyOfSite(Paths.checkSite)
    let path = root + "/content/pages/links.ja.md"
    var text = try String(contentsOfFile: path, encoding: .utf8)
    for (wrong, right) in [
      ("/guides/clases/", "/guides/classes/"), ("#届出と承認の流れ", "#届出と承認"), ("![図](/images/missing.png)", "図"),
      ("https://check.example/needs/nope/", "https://check.example/needs/old-posting/"),
    ] {
      text = text.replacingOccurrences(of: wrong, with: right)
    }
    try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    let report = Checker.run(checkOptions(root: root))
    #expect(!report.hasErrors, "\(report.text())")
    #expect(report.diagnostics.count == 3)
  }

  @Test func schemaErrorsAreReportedAndLinksSkippedWhenTheSiteCannotRender() throws {
    let root = try copyOfSite(Paths.checkSite)
    let path = root + "/content/needs/old-posting.ja.md"
    let text = try String(contentsOfFile: path, encoding: .utf8)
    try Data(text.replacingOccurrences(of: "status: open", with: "status: opne").utf8)
      .write(to: URL(fileURLWithPath: path))
    let report = Checker.run(checkOptions(root: root))
    #expect(!report.linksChecked)
    #expect(
      DiagnosticFormatter.format(report.diagnostics.filter { $0.severity == .error }) == """
        content/needs/old-posting.ja.md:5:9: error: 'opne' is not an allowed value of 'status'
            status: opne
                    ^
          hint: did you mean 'open'? allowed values: open, in_discussion, matched, closed, expired
        """)
    #expect(
      report.text().hasSuffix("links and anchors were not checked because errors stopped the site from rendering"))
  }
}
