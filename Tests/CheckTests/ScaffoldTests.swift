import Check
import Foundation
import Pipeline
import Schema
import Testing

/// `kirameki new` files build as they are, `check` points at every placeholder, and once the
/// placeholders are filled the file passes `check`.
@Suite struct ScaffoldTests {
  static let today = LocalDate(year: 2026, month: 11, day: 25) ?? LocalDate(daysSinceEpoch: 0)

  @Test(arguments: ContentTypes.all.map(\.name))
  func scaffoldBuildsAndPassesCheckOnceFilled(typeName: String) throws {
    let type = try #require(ContentTypes.all.first { $0.name == typeName })
    let root = try copyOfSite(Paths.checkSite)
    let relative = "content/\(type.section)/new-entry.ja.md"
    let path = root + "/" + relative
    try FileManager.default.createDirectory(
      atPath: root + "/content/" + type.section, withIntermediateDirectories: true)
    let text = EntryScaffold.markdown(type: type, title: "新しい\(type.label.ja)", today: Self.today, language: .ja)
    try Data(text.utf8).write(to: URL(fileURLWithPath: path))

    let built = Build.render(checkOptions(root: root))
    #expect(!built.diagnostics.contains { $0.location.path == relative && $0.severity == .error })
    #expect(built.files.contains { $0.path == "\(type.section)/new-entry/index.html" })

    let before = Checker.run(checkOptions(root: root)).diagnostics.filter { $0.location.path == relative }
    let placeholderCount = text.components(separatedBy: "\n").filter { !$0.hasPrefix("#") && $0.contains("TODO") }.count
    #expect(before.count == placeholderCount)
    #expect(before.allSatisfy { $0.severity == .warning && $0.message.contains("placeholder") })

    let filled = text.replacingOccurrences(of: "\"TODO: ", with: "\"記入済み ")
      .replacingOccurrences(of: "https://example.org/TODO", with: "https://www.pmda.go.jp/")
      .replacingOccurrences(of: "TODO: 本文", with: "本文")
    try Data(filled.utf8).write(to: URL(fileURLWithPath: path))
    let after = Checker.run(checkOptions(root: root)).diagnostics.filter { $0.location.path == relative }
    #expect(after.isEmpty, "\(after)")
  }

  @Test func everyFieldIsExplainedAndTheFilePointsAtItsJSONSchema() throws {
    let text = EntryScaffold.markdown(type: ContentTypes.seminar, title: "題", today: Self.today, language: .ja)
    #expect(text.contains("# yaml-language-server: $schema=../../schema/seminar.schema.json"))
    for field in ContentTypes.seminar.fields where !["source", "submission"].contains(field.name) {
      #expect(text.contains("# \(field.label.ja) — \(field.help)"), "no comment for \(field.name)")
      #expect(text.contains("\n\(field.name): ") || text.contains("\n# \(field.name): "), "no line for \(field.name)")
    }
    #expect(text.contains("\ndraft: true\n"))
  }

  @Test func titlesAreQuotedByTheYAMLEmitter() {
    let text = EntryScaffold.markdown(
      type: ContentTypes.news, title: "引用符 \" と: コロン\n---", today: Self.today, language: .ja)
    #expect(text.contains(#"title: "引用符 \" と: コロン\n---""#))
  }
}
