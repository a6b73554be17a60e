import Render
import Testing

@testable import Check

@Suite struct LinkResolutionTests {
  @Test func relativeAndAbsolutePathsResolveAgainstThePage() {
    #expect(LinkCheck.resolve("/guides/a/", against: "/en/news/x/") == "/guides/a/")
    #expect(LinkCheck.resolve("../y/", against: "/news/x/") == "/news/y/")
    #expect(LinkCheck.resolve("../../guides/a/", against: "/pages/links/") == "/guides/a/")
    #expect(LinkCheck.resolve("files/plan.pdf", against: "/news/x/") == "/news/x/files/plan.pdf")
    #expect(LinkCheck.resolve("", against: "/news/x/") == "/news/x/")
    #expect(LinkCheck.resolve("../../../..", against: "/news/x/") == "/")
  }

  @Test func schemesAndProtocolRelativeLinksLeaveTheSite() {
    #expect(LinkCheck.isExternal("https://www.pmda.go.jp/"))
    #expect(LinkCheck.isExternal("mailto:office@example.org"))
    #expect(LinkCheck.isExternal("//cdn.example/x.js"))
    #expect(!LinkCheck.isExternal("/guides/a/#b:c"))
    #expect(!LinkCheck.isExternal("#概要"))
  }

  @Test func percentEncodedPathsAndAnchorsAreDecoded() {
    let (path, fragment) = LinkCheck.split("/guides/a/?x=1#%E6%A6%82%E8%A6%81")
    #expect(path == "/guides/a/")
    #expect(fragment == "%E6%A6%82%E8%A6%81")
    let targets = LinkTargetsFixture.make()
    #expect(
      LinkCheck.check("/guides/a/#%E6%A6%82%E8%A6%81", from: "/x/", internalPrefix: "https://h", targets: targets)
        == nil)
    #expect(LinkCheck.check("/guides/a/#other", from: "/x/", internalPrefix: "https://h", targets: targets) != nil)
    #expect(LinkCheck.check("https://h/guides/a/", from: "/x/", internalPrefix: "https://h", targets: targets) == nil)
  }

  @Test func idsAreReadFromHTMLWithEntitiesUnescaped() {
    let ids = HTMLIds.ids(in: #"<h2 id="概要">概要</h2><p class="x" id="a&amp;b">t</p><div data-id="no">"#)
    #expect(ids == ["概要", "a&b"])
  }

  @Test func cmarkByteColumnsBecomeCharacterColumns() {
    #expect(LinkCheck.scalarColumn(in: "見出し [a](/b/)", byteColumn: 11) == 5)
    #expect(LinkCheck.scalarColumn(in: "[a](/b/)", byteColumn: 1) == 1)
  }
}

enum LinkTargetsFixture {
  static func make() -> LinkTargets {
    LinkTargets(files: [OutputFile(path: "guides/a/index.html", text: #"<h2 id="概要">概要</h2>"#)])
  }
}
