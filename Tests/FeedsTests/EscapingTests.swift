import Testing

@testable import Feeds

@Suite struct EscapingTests {
  @Test func xmlTextAndAttributesAreEscaped() {
    #expect(XMLText.escape(#"a & b <c> "d" 'e'"#) == #"a &amp; b &lt;c&gt; "d" 'e'"#)
    #expect(XMLText.escapeAttribute(#"a & "b" 'c' <d>"#) == "a &amp; &quot;b&quot; &apos;c&apos; &lt;d&gt;")
    #expect(XMLText.escape("bell\u{07} nul\u{00} ok\t\n") == "bell nul ok\t\n", "XML 1.0 forbids C0 controls")
    #expect(XMLText.element("title", "R&D") == "<title>R&amp;D</title>")
    #expect(
      XMLText.emptyElement("link", attributes: [("href", "https://x.example/?a=1&b=2")])
        == #"<link href="https://x.example/?a=1&amp;b=2"/>"#)
  }

  @Test func jsonStringsAreEscaped() {
    #expect(JSONText.quote(#"say "hi" \ now"#) == #""say \"hi\" \\ now""#)
    #expect(JSONText.quote("a\nb\tc\u{01}") == #""a\nb\tc\u0001""#)
    #expect(JSONText.quote("https://x.example/日本") == #""https://x.example/日本""#, "no \\/, no \\u for text")
    #expect(
      JSONValue.object([("a", .array([])), ("b", .array([.string("x")]))]).serialized()
        == "{\n  \"a\": [],\n  \"b\": [\n    \"x\"\n  ]\n}")
  }

  @Test func siteLinksAreAbsolute() {
    let links = SiteLinks(baseURL: "https://hub.example.org/")
    #expect(links.absolute("/seminars/x/") == "https://hub.example.org/seminars/x/")
    #expect(links.url(forHTMLPath: "index.html") == "https://hub.example.org/")
    #expect(links.url(forHTMLPath: "en/news/y/index.html") == "https://hub.example.org/en/news/y/")
    #expect(links.host == "hub.example.org")
    #expect(SiteLinks(baseURL: "http://user@Localhost:8000/hub").host == "localhost")
    #expect(SiteLinks(baseURL: "http://localhost:8000/hub").base == "http://localhost:8000/hub/")
  }

  @Test func onlyRootRelativeLinksAreRewritten() {
    let links = SiteLinks(baseURL: "https://hub.example.org/")
    let html =
      #"<a href="/a/">a</a> <a href="//cdn.example/x">b</a> <img src="/i.png" alt=""> "#
      + ##"<a href="https://o.example/">c</a> <a href="#top">d</a> <span data-href="/no">e</span>"##
    #expect(
      links.absolutizingLinks(in: html)
        == #"<a href="https://hub.example.org/a/">a</a> <a href="//cdn.example/x">b</a> "#
        + #"<img src="https://hub.example.org/i.png" alt=""> <a href="https://o.example/">c</a> "#
        + ##"<a href="#top">d</a> <span data-href="/no">e</span>"##)
  }
}
