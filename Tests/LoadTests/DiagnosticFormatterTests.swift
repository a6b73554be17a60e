import Testing

@testable import Diagnostics

@Suite struct DiagnosticFormatterTests {
  @Test func caretSitsUnderWideCharactersCorrectly() {
    let diagnostic = Diagnostic.error(
      at: SourceLocation(path: "a.md", line: 3, column: 5, lineText: "会場: 大宮"), "x")
    #expect(DiagnosticFormatter.format(diagnostic) == "a.md:3:5: error: x\n    会場: 大宮\n          ^")
  }

  @Test func fileLevelDiagnosticHasNoPosition() {
    let diagnostic = Diagnostic.warning(at: .file("content/x.md"), "y", hint: "z")
    #expect(DiagnosticFormatter.format(diagnostic) == "content/x.md: warning: y\n  hint: z")
  }

  @Test func summaryCountsErrorsAndWarnings() {
    let items = [
      Diagnostic.error(at: .file("a"), "1"), Diagnostic.error(at: .file("b"), "2"),
      Diagnostic.warning(at: .file("c"), "3"),
    ]
    #expect(DiagnosticFormatter.summary(items) == "2 errors, 1 warning")
  }

  @Test func suggestsCloseWordsOnly() {
    #expect(Suggestions.closest(to: "atendance", in: ["attendance", "address"]) == "attendance")
    #expect(Suggestions.closest(to: "hybrid", in: ["offline", "online", "mixed"]) == nil)
    #expect(Suggestions.closest(to: "Online", in: ["offline", "online"]) == "online")
  }
}
