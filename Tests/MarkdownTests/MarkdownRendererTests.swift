import Foundation
import Schema
import Testing

@testable import Markdown

@Suite struct MarkdownRendererTests {
  @Test func rendersGFMExtensions() {
    let markdown = """
      | クラス | 手続き |
      | --- | --- |
      | I | 届出 |

      ~~旧制度~~ と https://www.pmda.go.jp を参照。

      - [x] 済み
      - [ ] 未了

      注記[^1]

      [^1]: 脚注です。
      """
    let html = MarkdownRenderer.render(markdown, language: .ja).html
    #expect(html.contains("<table>"))
    #expect(html.contains("<td>届出</td>"))
    #expect(html.contains("<del>旧制度</del>"))
    #expect(html.contains("<a href=\"https://www.pmda.go.jp\">https://www.pmda.go.jp</a>"))
    #expect(html.contains("type=\"checkbox\" checked=\"\" disabled=\"\""))
    #expect(html.contains("class=\"footnotes\""))
  }

  @Test func rawHTMLNeverPassesThrough() {
    let html = MarkdownRenderer.render("<script>alert(1)</script>\n\n<b>x</b> と <iframe src=x>", language: .ja).html
    #expect(!html.contains("<script"))
    #expect(!html.contains("<iframe"))
    #expect(!html.contains("<b>"))
  }

  @Test func dropsSoftBreaksBetweenJapaneseCharactersOnly() {
    let markdown = "医療機器の\n分類です。\nISO 13485\nと QMS。"
    let html = MarkdownRenderer.render(markdown, language: .ja).html
    #expect(html == "<p>医療機器の分類です。\nISO 13485\nと QMS。</p>\n")
    let english = MarkdownRenderer.render("医療機器の\n分類", language: .en).html
    #expect(english == "<p>医療機器の\n分類</p>\n", "English and German keep the break")
  }

  @Test func dropsSoftBreaksAroundInlineMarkup() {
    let html = MarkdownRenderer.render("これは**重要**\n**事項**です。", language: .ja).html
    #expect(html == "<p>これは<strong>重要</strong><strong>事項</strong>です。</p>\n")
  }

  @Test func headingAnchorsKeepJapaneseAndStayUnique() {
    let markdown = "## 上市までの流れ\n\n### 概要\n\n## ISO 13485 と QMS\n\n### 概要\n\n## 概要"
    let document = MarkdownRenderer.render(markdown, language: .ja)
    #expect(document.toc.map(\.anchor) == ["上市までの流れ", "概要", "iso-13485-と-qms", "概要-1", "概要-2"])
    #expect(document.html.contains("<h2 id=\"上市までの流れ\">上市までの流れ</h2>"))
    #expect(document.html.contains("<h3 id=\"概要-1\">概要</h3>"))
    #expect(document.toc.map(\.level) == [2, 3, 2, 3, 2])
  }

  @Test func eachHeadingTagGetsItsOwnIDAndNothingElseDoes() {
    let html = MarkdownRenderer.render("# A\n\n---\n\n## B\n\ntext <h2> &lt;h3>\n\n###### C", language: .en).html
    #expect(
      html
        == "<h1 id=\"a\">A</h1>\n<hr />\n<h2 id=\"b\">B</h2>\n<p>text <!-- raw HTML omitted --> &lt;h3&gt;</p>\n<h6 id=\"c\">C</h6>\n"
    )
  }

  @Test func headingsInsideCodeAreNotMistakenForHeadings() {
    let document = MarkdownRenderer.render("```\n<h2>not a heading</h2>\n```\n\n## 本当の見出し", language: .ja)
    #expect(document.html.contains("&lt;h2&gt;not a heading&lt;/h2&gt;"))
    #expect(document.html.contains("<h2 id=\"本当の見出し\">本当の見出し</h2>"))
  }

  @Test func collectsLinksAndPlainText() {
    let document = MarkdownRenderer.render("[ガイド](/guides/a/) と [PMDA](https://www.pmda.go.jp/)。", language: .ja)
    #expect(document.links.map(\.destination) == ["/guides/a/", "https://www.pmda.go.jp/"])
    #expect(document.plainText == "ガイド と PMDA。\n")
  }

  @Test func linksKnowTheirLineAndColumnInTheBody() {
    let body = "# 見出し\n\n前の文。\n次の行に [リンク](/guides/b/#概要) があります。\n\n- 項目 ![図](/images/a.png)\n"
    let links = MarkdownRenderer.render(body, language: .ja).links
    #expect(links.map(\.destination) == ["/guides/b/#概要", "/images/a.png"])
    #expect(links.map(\.line) == [4, 6])
    // Columns are bytes: 次の行に is 12 bytes, plus the space.
    #expect(links.map(\.byteColumn) == [14, 10])
  }

  /// Debian's cmark-gfm shares its inline special-character table between parsers; without the
  /// lock in MarkdownRenderer, parallel parses lose strikethrough. Parallel output must equal serial.
  @Test func concurrentRenderingEqualsSerialRendering() async {
    let inputs = (0..<400).map { index in
      "## 見出し\(index)\n\n~~取り消し\(index)~~ と https://example.org/\(index) と **強調**\n\n| a | b |\n|---|---|\n| \(index) | ~~x~~ |\n"
    }
    let serial = inputs.map { MarkdownRenderer.render($0, language: .ja) }
    let parallel = await withTaskGroup(of: (Int, Document).self) { group in
      for (index, input) in inputs.enumerated() {
        group.addTask { (index, MarkdownRenderer.render(input, language: .ja)) }
      }
      var results = [Document?](repeating: nil, count: inputs.count)
      for await (index, document) in group { results[index] = document }
      return results
    }
    let threaded = ThreadedRender.run(inputs)
    for index in inputs.indices {
      #expect(serial[index].html.contains("<del>取り消し\(index)</del>"))
      #expect(parallel[index] == serial[index])
      #expect(threaded[index] == serial[index])
    }
  }
}

/// Renders on as many OS threads as there are cores, to make overlapping parses likely.
enum ThreadedRender {
  static func run(_ inputs: [String]) -> [Document] {
    final class Box: @unchecked Sendable {
      var results: [Document?]
      let lock = NSLock()
      init(_ count: Int) { results = Array(repeating: nil, count: count) }
    }
    let box = Box(inputs.count)
    DispatchQueue.concurrentPerform(iterations: inputs.count) { index in
      let document = MarkdownRenderer.render(inputs[index], language: .ja)
      box.lock.withLock { box.results[index] = document }
    }
    return box.results.compactMap { $0 }
  }
}
