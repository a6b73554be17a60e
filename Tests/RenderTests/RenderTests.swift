import Assemble
import Decode
import Foundation
import Load
import Markdown
import Mustache
import Schema
import Testing

@testable import Render

let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
  .deletingLastPathComponent().path

@Suite struct DateFormattingTests {
  @Test func datesInEachLanguage() throws {
    let date = try #require(LocalDate(year: 2026, month: 12, day: 3))
    #expect(DateFormatting.date(date, .ja) == "2026年12月3日(木)")
    #expect(DateFormatting.date(date, .en) == "3 December 2026")
    #expect(DateFormatting.date(date, .de) == "3. Dezember 2026")
  }

  @Test func rangesAreShownInJapanTime() throws {
    let start = try #require(DateTime(iso: "2026-12-03T05:00:00Z"))
    let end = try #require(DateTime(iso: "2026-12-03T17:00:00+09:00"))
    #expect(DateFormatting.range(start, end, .ja) == "2026年12月3日(木) 14:00–17:00")
    let later = try #require(DateTime(iso: "2026-12-04T12:00:00+09:00"))
    #expect(DateFormatting.range(start, later, .en) == "3 December 2026 14:00 – 4 December 2026 12:00")
  }
}

@Suite struct FactsTests {
  let now = DateTime(iso: "2026-11-25T12:00:00+09:00") ?? DateTime(epochSeconds: 0, offsetSeconds: 0)

  @Test func anExpiredNeedShowsExpiredNotOpen() throws {
    let text = """
      ---
      title: ニーズ
      date: 2026-01-01
      kind: clinical_need
      status: open
      confidentiality: public
      expires: 2026-10-31
      ---
      """
    let source = try SourceParser.parse(path: "content/needs/a.ja.md", text: text).get()
    let entry = try #require(EntryDecoder.decode(source).0)
    let status = Facts.list(for: entry, language: .ja, now: now).first { ($0["label"] as? String) == "状況" }
    #expect(status?["value"] as? String == "掲載期限切れ")
  }

  @Test func factsFollowTheSchemaAndLabelEnums() throws {
    let text = """
      ---
      title: 光学部品（架空の例）
      date: 2026-01-01
      location: さいたま市北区
      founded: 1978
      tech_areas: [optics]
      offerings: [parts_materials, oem]
      medical_involvement: supplier_to_mah
      manufacturing_registration: true
      cleanroom: iso7
      ---
      """
    let source = try SourceParser.parse(path: "content/companies/a.ja.md", text: text).get()
    let entry = try #require(EntryDecoder.decode(source).0)
    let facts = Facts.list(for: entry, language: .ja, now: now).map { "\($0["label"] ?? "")=\($0["value"] ?? "")" }
    #expect(
      facts == [
        "所在地=さいたま市北区", "創業=1978年", "提供できること=部品・材料供給、OEM", "医療分野への関わり=製造販売業者へ部材供給",
        "医療機器製造業登録=あり", "クリーンルーム=ISO クラス7",
      ])
    let english = Facts.list(for: entry, language: .en, now: now).map { "\($0["value"] ?? "")" }
    #expect(english.contains("Parts and materials, OEM"))
  }
}

@Suite struct ThemeTests {
  @Test func assetNamesCarryAContentHash() {
    let a = Theme.hashedName("style.css", data: Data("a{}".utf8))
    let b = Theme.hashedName("style.css", data: Data("b{}".utf8))
    #expect(a.hasPrefix("style.") && a.hasSuffix(".css"))
    #expect(a.count == "style.".count + 10 + ".css".count)
    #expect(a != b)
    #expect(a == Theme.hashedName("style.css", data: Data("a{}".utf8)))
  }

  /// A missing partial or parent renders as empty text in Mustache, so check every reference.
  @Test func everyPartialAndParentTheDefaultThemeUsesExists() throws {
    let (theme, diagnostics) = Theme.load(root: repository, name: "default", io: .disk)
    #expect(diagnostics.isEmpty)
    let library = try #require(theme?.library)
    let folder = repository + "/themes/default/templates"
    let names = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".mustache") }
    #expect(names.count >= 8)
    for name in names {
      let text = try String(contentsOfFile: folder + "/" + name, encoding: .utf8)
      for marker in ["{{>", "{{<"] {
        var rest = text[...]
        while let range = rest.range(of: marker) {
          let tail = rest[range.upperBound...]
          let end = tail.firstIndex(of: "}") ?? tail.endIndex
          let referenced = tail[..<end].trimmingCharacters(in: .whitespaces)
          #expect(library.getTemplate(named: referenced) != nil, "\(name) uses missing template '\(referenced)'")
          rest = tail[end...]
        }
      }
    }
  }

  @Test func aSiteFileOverridesTheThemeFile() throws {
    let files = [
      "/site/themes/default/templates/a.mustache": "theme",
      "/site/themes/default/templates/b.mustache": "theme b",
      "/site/templates/a.mustache": "site",
    ]
    let (theme, diagnostics) = Theme.load(root: "/site", name: "default", io: .memory(files))
    #expect(diagnostics.isEmpty)
    #expect(theme?.library.render([String: Any](), withTemplate: "a") == "site")
    #expect(theme?.library.render([String: Any](), withTemplate: "b") == "theme b")
  }
}
