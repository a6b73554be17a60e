import Diagnostics
import Foundation
import Pipeline
import Preview
import Testing

/// A change with errors keeps the last good site served, with the terminal's diagnostic text in a panel.
@Suite struct ErrorOverlayTests {
  @Test func aBrokenFieldShowsTheOverlayOverTheLastGoodPageAndAFixClearsIt() throws {
    let root = try copyOfFixtureSite()
    let site = PreviewSite(options: buildOptions(root: root))
    site.rebuild(changed: nil)
    let path = root + "/content/news/nuremberg-visit.ja.md"
    let good = try read(path)
    try write(good.replacingOccurrences(of: "date: 2026-07-20", with: "date: 2026-13-45"), to: path)
    let broken = site.rebuild(changed: ["content/news/nuremberg-visit.ja.md"])
    #expect(!broken.succeeded)
    let failure = site.failure
    #expect(failure.contains { $0.severity == .error && $0.location.path == "content/news/nuremberg-visit.ja.md" })
    let terminalText = DiagnosticFormatter.format(failure)
    #expect(terminalText.contains("content/news/nuremberg-visit.ja.md:3:"), "names file and line: \(terminalText)")

    let html = site.text("/news/nuremberg-visit/")
    #expect(html.contains("<div id=\"kirameki-errors\""))
    #expect(html.contains(htmlEscaped(terminalText)), "the overlay shows the terminal's text, escaped")
    #expect(html.contains("ニュルンベルク訪問団の報告"), "the last good page is still served")
    #expect(site.text("/").contains("kirameki-errors"), "every page shows the overlay")

    try write(good.replacingOccurrences(of: "ニュルンベルク訪問団の報告", with: "直した報告"), to: path)
    #expect(site.rebuild(changed: ["content/news/nuremberg-visit.ja.md"]).succeeded)
    #expect(site.failure.isEmpty)
    let fixed = site.text("/news/nuremberg-visit/")
    #expect(!fixed.contains("kirameki-errors"))
    #expect(fixed.contains("直した報告"))
  }

  @Test func aTemplateErrorShowsTheSameWay() throws {
    let root = try copyOfFixtureSite()
    let site = PreviewSite(options: buildOptions(root: root))
    site.rebuild(changed: nil)
    try FileManager.default.createDirectory(atPath: root + "/templates", withIntermediateDirectories: true)
    let entry = try read(Paths.themes + "/default/templates/entry.mustache")
    try write(
      entry.replacingOccurrences(of: "{{/entry}}", with: "{{/entries}}"), to: root + "/templates/entry.mustache")
    #expect(!site.rebuild(changed: ["templates/entry.mustache"]).succeeded)
    let terminalText = DiagnosticFormatter.format(site.failure)
    #expect(terminalText.contains("templates/entry.mustache:"), "\(terminalText)")
    #expect(terminalText.contains("template error"))
    let html = site.text("/news/nuremberg-visit/")
    #expect(html.contains(htmlEscaped(terminalText)))
    #expect(html.contains("ニュルンベルク訪問団の報告"))

    try FileManager.default.removeItem(atPath: root + "/templates/entry.mustache")
    #expect(site.rebuild(changed: ["templates/entry.mustache"]).succeeded)
    #expect(!site.text("/news/nuremberg-visit/").contains("kirameki-errors"))
  }

  @Test func aSiteThatFailsFromTheStartShowsTheOverlay() throws {
    let root = try copyOfFixtureSite()
    try write("title: [unclosed\n", to: root + "/kirameki.yaml")
    let site = PreviewSite(options: buildOptions(root: root))
    #expect(!site.rebuild(changed: nil).succeeded)
    let served = site.serve("/")
    #expect(served.status == 500)
    #expect(String(decoding: served.body, as: UTF8.self).contains("kirameki.yaml"))
  }

  func htmlEscaped(_ text: String) -> String {
    text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
      .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
      .replacingOccurrences(of: "'", with: "&#39;")
  }
}
