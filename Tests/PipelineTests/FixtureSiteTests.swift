import Diagnostics
import Foundation
import Pipeline
import Testing

/// Builds `Tests/Fixtures/sites/<case>` and compares every output file with `expected/`.
/// Run with KIRAMEKI_UPDATE_FIXTURES=1 to rewrite the expected files on purpose.
@Suite struct FixtureSiteTests {
  @Test func basicSiteMatchesExpectedOutputFileByFile() throws {
    let root = Paths.fixtures + "/sites/basic"
    let expectedFolder = root + "/expected"
    let result = Build.render(options(root: root))
    #expect(!result.diagnostics.hasErrors, "\(DiagnosticFormatter.format(result.diagnostics))")
    var actual: [String: Data] = [:]
    for file in result.files { actual[file.path] = try file.bytes(root: root) }

    if ProcessInfo.processInfo.environment["KIRAMEKI_UPDATE_FIXTURES"] == "1" {
      try? FileManager.default.removeItem(atPath: expectedFolder)
      for (path, data) in actual {
        let url = URL(fileURLWithPath: expectedFolder + "/" + path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url)
      }
    }
    let expected = try readTree(expectedFolder)
    #expect(!expected.isEmpty, "no expected output; run KIRAMEKI_UPDATE_FIXTURES=1 swift test")
    #expect(Set(actual.keys).subtracting(expected.keys).sorted() == [], "files built but not expected")
    #expect(Set(expected.keys).subtracting(actual.keys).sorted() == [], "files expected but not built")
    for (path, data) in expected.sorted(by: { $0.key < $1.key }) {
      guard let built = actual[path] else { continue }
      #expect(
        built == data, "\(path) differs from expected:\n\(String(decoding: built, as: UTF8.self).prefix(3000))")
    }
  }

  @Test func warningsOfTheBasicSite() {
    let result = Build.render(options(root: Paths.fixtures + "/sites/basic"))
    #expect(
      DiagnosticFormatter.format(result.diagnostics) == """
        content/guides/device-classes.ja.md:5:16: warning: the facts of this guide were last checked on 2025-06-30, more than a year ago
            last_reviewed: 2025-06-30
                           ^
          hint: check the guide against its sources and update 'last_reviewed'
        """)
  }

  @Test func draftsAppearOnlyWithTheFlag() {
    let root = Paths.fixtures + "/sites/basic"
    let without = Build.render(options(root: root)).files.map(\.path)
    let with = Build.render(options(root: root, drafts: true)).files.map(\.path)
    #expect(!without.contains("needs/draft-need/index.html"))
    #expect(with.contains("needs/draft-need/index.html"))
  }

  @Test func outputIsIdenticalAcrossBuilds() throws {
    let root = Paths.fixtures + "/sites/basic"
    let first = Build.render(options(root: root)).files
    let second = Build.render(options(root: root)).files
    #expect(first == second)
  }
}

@Suite struct LanguageTreeTests {
  func page(_ path: String) -> String {
    let result = Build.render(options(root: Paths.fixtures + "/sites/basic"))
    guard let file = result.files.first(where: { $0.path == path }), case .data(let data) = file.contents else {
      return ""
    }
    return String(decoding: data, as: UTF8.self)
  }

  @Test func englishListsUseTranslationsAndFallBackToTheOriginal() {
    let html = page("en/news/index.html")
    #expect(html.contains("<html lang=\"en\">"))
    #expect(html.contains("href=\"/en/news/nuremberg-visit/\">Report from the Nuremberg delegation</a>"))
    #expect(html.contains("<li class=\"card\" lang=\"de\">"), "German-only news is listed with its own language")
    #expect(html.contains("Bavaria exchange news"))
  }

  @Test func germanDatesAndLabels() {
    let html = page("de/seminars/index.html")
    #expect(html.contains("3. Dezember 2026"))
    #expect(html.contains("Seminare und Veranstaltungen"))
  }

  @Test func switchSaysWhenATranslationIsMissing() {
    let html = page("seminars/dojo-laser-1/index.html")
    #expect(
      html.contains(
        "<a href=\"/en/seminars/\" hreflang=\"en\" lang=\"en\">English</a> <span class=\"missing\">（未翻訳）</span>"))
    let translated = page("news/nuremberg-visit/index.html")
    #expect(
      translated.contains(
        "<link rel=\"alternate\" hreflang=\"en\" href=\"https://test.example/en/news/nuremberg-visit/\">"))
    #expect(
      translated.contains(
        "<link rel=\"alternate\" hreflang=\"ja\" href=\"https://test.example/news/nuremberg-visit/\">"))
  }
}

@Suite struct HubPagesTests {
  let files = Build.render(options(root: Paths.fixtures + "/sites/basic")).files

  func page(_ path: String) -> String {
    guard let file = files.first(where: { $0.path == path }), case .data(let data) = file.contents else { return "" }
    return String(decoding: data, as: UTF8.self)
  }

  @Test func guidesListCarriesTheClassComparisonFromTheSchema() {
    let html = page("guides/index.html")
    #expect(
      html.contains(
        "<tr><th scope=\"row\">クラスIV（高度管理医療機器）</th><td>高度管理医療機器</td><td>製造販売承認</td><td>クラスIII</td>"))
    #expect(page("en/guides/index.html").contains("<tr><th scope=\"row\">Class II (controlled)</th>"))
  }

  @Test func calendarGroupsUpcomingSeminarsByMonth() {
    let html = page("seminars/calendar/index.html")
    #expect(html.contains("<h2>2026年12月</h2>"))
    #expect(html.contains("<h2>2027年1月</h2>"), "the cancelled January visit is still shown, marked cancelled")
    #expect(!html.contains("QMS省令入門"), "past seminars are not in the calendar")
    #expect(page("de/seminars/calendar/index.html").contains("<h2>Dezember 2026</h2>"))
  }
}
