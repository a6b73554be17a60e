import Testing

@testable import Markdown

@Suite struct SubmittedBodyTests {
  let hostile = """
    <script>alert(1)</script>

    <img src=x onerror=alert(1)> [click](javascript:alert(1)) [vb](VBScript:msgbox) [data](data:text/html;base64,PHNjcmlwdD4=)
    [spaced](  JaVaScRiPt:alert(2)) [file](file:///etc/passwd) [tel](tel:0480000000)

    ![pixel](data:image/png;base64,iVBORw0KGgo=) ![js](javascript:alert(3))
    [![nested](javascript:a)](javascript:b)

    [site](https://example.jp/a) [mail](mailto:a@example.jp) [page](/needs/) [anchor](#top) <https://example.org>
    """

  @Test func submittedBodiesKeepNoRawHTMLAndNoUnsafeSchemes() {
    let html = MarkdownRenderer.render(hostile, language: .ja, trust: .submitted).html
    #expect(!html.contains("<script"))
    #expect(!html.contains("<img src=x"))
    #expect(!html.lowercased().contains("javascript:"))
    #expect(!html.lowercased().contains("vbscript:"))
    #expect(!html.contains("data:"))
    #expect(!html.contains("file:"))
    #expect(!html.contains("tel:"))
    for text in ["click", "vb", "data", "spaced", "file", "tel", "pixel", "js", "nested"] {
      #expect(html.contains(text), "the link text '\(text)' should stay")
    }
  }

  @Test func submittedBodiesKeepSafeLinks() {
    let html = MarkdownRenderer.render(hostile, language: .ja, trust: .submitted).html
    #expect(html.contains("<a href=\"https://example.jp/a\">site</a>"))
    #expect(html.contains("<a href=\"mailto:a@example.jp\">mail</a>"))
    #expect(html.contains("<a href=\"/needs/\">page</a>"))
    #expect(html.contains("<a href=\"#top\">anchor</a>"))
    #expect(html.contains("<a href=\"https://example.org\">"))
  }

  @Test func editorBodiesKeepTheirLinksAsBefore() {
    let html = MarkdownRenderer.render("[tel](tel:0480000000) ![p](data:image/png;base64,AA==)", language: .ja).html
    #expect(html.contains("href=\"tel:0480000000\""))
    #expect(html.contains("src=\"data:image/png;base64,AA==\""))
  }

  @Test func schemesAreReadLikeABrowserWould() {
    #expect(LinkSchemes.scheme(of: "HTTPS://x") == "https")
    #expect(LinkSchemes.scheme(of: "/a:b") == nil)
    #expect(LinkSchemes.scheme(of: "page?x=a:b") == nil)
    #expect(LinkSchemes.scheme(of: "java\tscript:x") == "javascript")
    #expect(!LinkSchemes.isAllowed("data:image/png;base64,AA==", image: true))
  }
}
