import Testing

@testable import Render

@Suite struct GlossaryLinkerTests {
  let linker = GlossaryLinker(terms: [
    GlossaryLinker.Term(id: "qms", title: "QMS", forms: ["QMS", "QMS省令"], url: "/glossary/qms/", definition: "品質管理"),
    GlossaryLinker.Term(id: "perinatal", title: "周産期", forms: ["周産期"], url: "/glossary/perinatal/", definition: "出産前後"),
  ])

  @Test func linksTheFirstOccurrenceOnlyAndPrefersTheLongestForm() {
    let (html, linked) = linker.link("<p>QMS省令と QMS、周産期と周産期。</p>")
    #expect(
      html
        == "<p><a class=\"glossary-term\" href=\"/glossary/qms/\" aria-describedby=\"term-qms\">QMS省令</a>と QMS、"
        + "<a class=\"glossary-term\" href=\"/glossary/perinatal/\" aria-describedby=\"term-perinatal\">周産期</a>と周産期。</p>"
    )
    #expect(linked.map(\.id) == ["qms", "perinatal"])
  }

  @Test func neverInsideHeadingsLinksOrCode() {
    let input =
      "<h2 id=\"周産期\">周産期</h2>\n<p><a href=\"/x/\">QMS</a> <code>QMS</code></p>\n<pre><code>周産期</code></pre>\n<p>周産期</p>"
    let (html, linked) = linker.link(input)
    #expect(
      html.hasPrefix(
        "<h2 id=\"周産期\">周産期</h2>\n<p><a href=\"/x/\">QMS</a> <code>QMS</code></p>\n<pre><code>周産期</code></pre>"))
    #expect(
      html.hasSuffix(
        "<p><a class=\"glossary-term\" href=\"/glossary/perinatal/\" aria-describedby=\"term-perinatal\">周産期</a></p>"))
    #expect(linked.map(\.id) == ["perinatal"])
  }

  @Test func latinTermsMustStandAsWords() {
    let (html, linked) = linker.link("<p>QMSX and XQMS</p>")
    #expect(html == "<p>QMSX and XQMS</p>")
    #expect(linked.isEmpty)
  }

  @Test func aGlossaryEntryDoesNotLinkToItself() {
    let (_, linked) = linker.link("<p>周産期とQMS</p>", excluding: "perinatal")
    #expect(linked.map(\.id) == ["qms"])
  }
}
