import Diagnostics
import Foundation
import Pipeline
import Preview
import Render
import Synchronization
import Testing

/// The preview serves exactly what `kirameki build` writes, before and after edits.
@Suite struct ServedSiteTests {
  /// Every file of a full build, fetched from the preview, with the injected live-reload part taken out.
  func expectServedEqualsFullBuild(_ site: PreviewSite, root: String) throws {
    let build = Build.render(site.options)
    #expect(!build.diagnostics.hasErrors, "\(DiagnosticFormatter.format(build.diagnostics))")
    #expect(build.files.count > 100)
    for file in build.files {
      let expected: Data
      switch file.contents {
      case .data(let data): expected = data
      case .copy(let source): expected = try Data(contentsOf: URL(fileURLWithPath: root + "/" + source))
      }
      let served = site.serve("/" + file.path)
      #expect(served.status == 200, "\(file.path)")
      var body = served.body
      if file.path.hasSuffix(".html") {
        let html = String(decoding: body, as: UTF8.self)
        #expect(html.contains(LiveReload.startMarker), "\(file.path) has no live-reload script")
        body = Data(LiveReload.strip(html).utf8)
      }
      #expect(body == expected, "\(file.path) served differs from the build")
    }
  }

  @Test func servedFilesEqualAFullBuildBeforeAndAfterEdits() throws {
    let root = try copyOfFixtureSite()
    let site = PreviewSite(options: buildOptions(root: root))
    #expect(site.rebuild(changed: nil).succeeded)
    try expectServedEqualsFullBuild(site, root: root)

    // A title change moves the entry in lists, changes the search index and the feeds.
    let news = root + "/content/news/nuremberg-visit.ja.md"
    try write(try read(news).replacingOccurrences(of: "ニュルンベルク訪問団の報告", with: "エアランゲン訪問団の報告"), to: news)
    // A new entry, and a static file removed.
    let added = root + "/content/seminars/new-seminar.ja.md"
    try write(try read(root + "/content/seminars/dojo-laser-1.ja.md"), to: added)
    try FileManager.default.removeItem(atPath: root + "/content/guides/diagram.txt")
    let report = site.rebuild(changed: [
      "content/news/nuremberg-visit.ja.md", "content/seminars/new-seminar.ja.md", "content/guides/diagram.txt",
    ])
    #expect(report.succeeded, "\(DiagnosticFormatter.format(report.diagnostics))")
    #expect(site.text("/news/nuremberg-visit/").contains("エアランゲン訪問団の報告"))
    #expect(site.serve("/seminars/new-seminar/").status == 200)
    #expect(site.serve("/guides/diagram.txt").status == 404)
    try expectServedEqualsFullBuild(site, root: root)

    // An entry deleted, and a change the preview was not told about in detail (full rescan).
    try FileManager.default.removeItem(atPath: added)
    try write(try read(news).replacingOccurrences(of: "訪問の報告です。", with: "訪問の詳しい報告です。"), to: news)
    #expect(site.rebuild(changed: nil).succeeded)
    #expect(site.serve("/seminars/new-seminar/").status == 404)
    try expectServedEqualsFullBuild(site, root: root)
  }

  @Test func editsAreServedBeforeTheSearchIndexAndMatchAFullBuildOnceItIsWritten() throws {
    let root = try copyOfFixtureSite()
    let lines = Mutex<[String]>([])
    var options = buildOptions(root: root)
    options.log = { line in lines.withLock { $0.append(line) } }
    let site = PreviewSite(options: options)
    site.rebuild(changed: nil)
    let path = root + "/content/seminars/dojo-laser-1.ja.md"
    let original = try read(path)

    // A paragraph added at the end changes neither front matter nor summary: the page is swapped in place.
    try write(original + "\n追記した段落。\n", to: path)
    lines.withLock { $0.removeAll() }
    #expect(site.rebuild(changed: ["content/seminars/dojo-laser-1.ja.md"], deferSearchIndex: true).succeeded)
    #expect(site.text("/seminars/dojo-laser-1/").contains("追記した段落。"))
    #expect(lines.withLock { $0.contains { $0.contains("Updated 1 pages in place") } }, "the site was not reassembled")
    site.waitUntilSettled()
    #expect(site.isSettled)
    try expectServedEqualsFullBuild(site, root: root)

    // A front-matter edit assembles the site again.
    try write(original.replacingOccurrences(of: "title: ", with: "title: 改題 "), to: path)
    lines.withLock { $0.removeAll() }
    #expect(site.rebuild(changed: ["content/seminars/dojo-laser-1.ja.md"], deferSearchIndex: true).succeeded)
    #expect(lines.withLock { $0.contains { $0.contains("Assembled") } })
    #expect(site.text("/seminars/").contains("改題"))
    site.waitUntilSettled()
    try expectServedEqualsFullBuild(site, root: root)
  }

  @Test func draftsAreShownWithABannerAndLeftOutWithNoDrafts() throws {
    let root = try copyOfFixtureSite()
    let site = PreviewSite(options: buildOptions(root: root))
    site.rebuild(changed: nil)
    let draft = site.serve("/needs/draft-need/")
    #expect(draft.status == 200)
    #expect(
      String(decoding: draft.body, as: UTF8.self).contains(
        "<p class=\"draft-banner\" role=\"status\">下書き（公開されていません）</p>"))
    #expect(!site.text("/needs/nicu-sensor/").contains("draft-banner"), "only drafts carry the banner")

    let published = PreviewSite(options: buildOptions(root: root, drafts: false))
    published.rebuild(changed: nil)
    #expect(published.serve("/needs/draft-need/").status == 404)
    #expect(published.serve("/needs/nicu-sensor/").status == 200)
  }

  @Test func requestPathsMapToFiles() throws {
    let root = try copyOfFixtureSite()
    let site = PreviewSite(options: buildOptions(root: root))
    site.rebuild(changed: nil)
    #expect(site.serve("/").body == site.serve("/index.html").body)
    #expect(site.serve("/news/nuremberg-visit").body == site.serve("/news/nuremberg-visit/").body)
    #expect(site.serve("/news/nuremberg-visit/?utm=x").status == 200)
    #expect(site.serve("/%6Eews/").status == 200, "percent escapes are decoded")
    #expect(site.serve("/../kirameki.yaml").status == 404)
    #expect(site.serve("/robots.txt").contentType == "text/plain; charset=utf-8")
    #expect(site.serve("/sitemap.xml").status == 200)
  }
}
