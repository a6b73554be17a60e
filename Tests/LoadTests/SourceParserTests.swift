import Diagnostics
import Testing

@testable import Load

@Suite struct SourceParserTests {
  @Test func splitsFrontMatterAndBodyAndKeepsLineNumbers() throws {
    let text = "---\ntitle: 講演\ndate: 2026-12-03\n---\n## 概要\n本文です。\n"
    let source = try SourceParser.parse(path: "content/seminars/dojo-1.ja.md", text: text).get()
    #expect(source.section == "seminars")
    #expect(source.id == "dojo-1")
    #expect(source.language == .ja)
    #expect(source.frontMatter == "title: 講演\ndate: 2026-12-03")
    #expect(source.frontMatterLine == 2)
    #expect(source.body == "## 概要\n本文です。")
    #expect(source.bodyLine == 5)
  }

  @Test func acceptsCRLFAndByteOrderMark() throws {
    let text = "\u{FEFF}---\r\ntitle: A\r\ndate: 2026-01-01\r\n---\r\nBody\r\n"
    let source = try SourceParser.parse(path: "content/news/a.en.md", text: text).get()
    #expect(source.frontMatter == "title: A\ndate: 2026-01-01")
    #expect(source.body == "Body")
    #expect(source.language == .en)
  }

  @Test(arguments: [
    ("x.md", "x", "ja"), ("x.ja.md", "x", "ja"), ("dojo-2026-12.en.md", "dojo-2026-12", "en"),
    ("a1.de.md", "a1", "de"),
  ])
  func fileNamesGiveIdAndLanguage(name: String, id: String, language: String) throws {
    let parsed = try #require(SourceParser.idAndLanguage(fileName: name))
    #expect(parsed.0 == id)
    #expect(parsed.1.rawValue == language)
  }

  @Test(arguments: ["講演.ja.md", "Upper.ja.md", "x.fr.md", "-x.md", "a b.md", "x.txt", "x.y.ja.md"])
  func rejectsFileNamesThatWouldMakeBadURLs(name: String) {
    #expect(SourceParser.idAndLanguage(fileName: name) == nil)
  }

  @Test func reportsAFileWithoutFrontMatter() {
    let result = SourceParser.parse(path: "content/news/a.md", text: "Hello\n")
    guard case .failure(let diagnostic) = result else {
      Issue.record("expected a diagnostic")
      return
    }
    #expect(
      DiagnosticFormatter.format(diagnostic)
        == "content/news/a.md:1:1: error: the file does not start with front matter\n    Hello\n    ^\n  hint: begin the file with a line '---', the YAML fields, and another '---'"
    )
  }

  @Test func reportsUnknownSectionWithSuggestion() {
    let result = SourceParser.parse(path: "content/seminar/a.md", text: "---\n---\n")
    guard case .failure(let diagnostic) = result else {
      Issue.record("expected a diagnostic")
      return
    }
    #expect(diagnostic.message == "unknown section folder 'seminar'")
    #expect(diagnostic.hint?.hasSuffix("did you mean 'seminars'?") == true)
  }

  @Test func reportsUnclosedFrontMatter() {
    let result = SourceParser.parse(path: "content/news/a.md", text: "---\ntitle: x\n")
    guard case .failure(let diagnostic) = result else {
      Issue.record("expected a diagnostic")
      return
    }
    #expect(diagnostic.message == "the front matter is never closed")
  }
}
