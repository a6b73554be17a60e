import Pipeline
import Preview
import Testing

/// A draft that came in through a form is previewed with the same link rules as the build:
/// editors review submissions in the preview, so a `javascript:` link must not reach it either.
@Suite struct SubmittedDraftTests {
  @Test func previewRendersSubmittedBodiesLikeTheBuild() throws {
    let root = try copyOfFixtureSite()
    let path = root + "/content/needs/submitted.ja.md"
    try write(
      """
      ---
      title: 投稿されたニーズ
      date: 2026-11-20
      draft: true
      kind: clinical_need
      status: open
      confidentiality: public
      source: "web_form"
      submission: "20261120-abcdefghijkm"
      ---
      [危険なリンク](javascript:alert(1)) と [安全なリンク](https://www.pmda.go.jp/)。
      """, to: path)
    let site = PreviewSite(options: buildOptions(root: root))
    #expect(site.rebuild(changed: nil).succeeded)
    let html = site.text("/needs/submitted/")
    #expect(html.contains("危険なリンク"))
    #expect(!html.contains("javascript:"))
    #expect(html.contains("href=\"https://www.pmda.go.jp/\""))
    let built = try #require(Build.render(site.options).files.first { $0.path == "needs/submitted/index.html" })
    guard case .data(let data) = built.contents else { return }
    #expect(LiveReload.strip(html) == String(decoding: data, as: UTF8.self))
  }
}
