import Foundation
import Schema
import Testing

@testable import Intake

@Suite struct ConvertTests {
  @Test func excelCP932ConvertsWithJapaneseHeaders() throws {
    let root = try temporaryFolder()
    let report = try converter("need", root: root).convert(inputs: [Paths.fixtures + "/excel-cp932.csv"])
    #expect(report.records.map(\.status) == [.written, .rejected, .written])
    #expect(report.exitCode == ConvertReport.ExitCode.someRejected)
    let rejected = report.records[1]
    #expect(rejected.line == 4, "the first row spans lines 2 and 3")
    #expect(rejected.problems.map(\.field) == ["confidentiality"])
    #expect(rejected.problems.map(\.column) == ["公開範囲"])
    let draft = try text(try #require(report.records[0].path))
    #expect(draft.contains("title: \"内視鏡用LED光源の小型化①\""))
    #expect(draft.contains("submitter_role: \"髙橋記念病院 外科医\""))
    #expect(draft.contains("tech_areas:\n- optics\n- laser_photonics\n"))
    #expect(draft.contains("jp_class:\n- II\n"))
    #expect(draft.contains("expires: 2027-03-31\n"))
    #expect(draft.contains("kind: clinical_need\n"))
    #expect(draft.contains("draft: true\n"))
    #expect(draft.contains("光源装置が大きく～発熱も課題です。"))
    #expect(!draft.contains("\r"))
  }

  @Test func googleFormsTimestampBecomesTheDraftDate() throws {
    let root = try temporaryFolder()
    let report = try converter("seminar", root: root).convert(inputs: [Paths.fixtures + "/google-forms.csv"])
    #expect(report.records.map(\.status) == [.written, .rejected])
    #expect(report.records[1].problems.first?.field == "end")
    let path = try #require(report.records[0].path)
    #expect(path.hasSuffix("/content/seminars/2026-11-24-\(try #require(report.records[0].submission)).ja.md"))
    let draft = try text(path)
    #expect(draft.contains("start: 2026-12-03T14:00:00+09:00\n"))
    #expect(draft.contains("capacity: 40\n"))
    #expect(draft.contains("languages:\n- ja\n- en\n"))
    #expect(draft.contains("focus_areas:\n- laser_photonics\n- perinatal_pediatric_preventive\n"))
    #expect(draft.contains("source: \"csv\""))
  }

  @Test func everyInputFormatConverts() throws {
    let root = try temporaryFolder()
    let need = try converter("need", root: root)
    let report = need.convert(inputs: [
      Paths.fixtures + "/needs.ndjson", Paths.fixtures + "/need.urlencoded", Paths.fixtures + "/spool",
    ])
    #expect(report.records.map(\.status) == [.written, .rejected, .written, .written, .written, .skipped])
    #expect(try #require(report.records[2].path).hasSuffix(".en.md"), "lang en")
    #expect(try #require(report.records[3].path).hasSuffix(".de.md"), "lang de")
    #expect(try #require(report.records[4].path).hasSuffix("/needs/2026-11-25-20261125-7f3a9c.ja.md"))
    let seed = try converter("seed", root: root).convert(inputs: [Paths.fixtures + "/seed.multipart"])
    #expect(seed.records.map(\.status) == [.written])
    #expect(try text(try #require(seed.records[0].path)).contains("kind: tech_seed\n"))
    let company = try converter("company", root: root).convert(inputs: [Paths.fixtures + "/companies.json"])
    #expect(company.records.map(\.status) == [.written, .rejected])
    #expect(company.records.map(\.line) == [2, 25], "records of a JSON array carry the line they start on")
    #expect(company.records[1].problems.map(\.field) == ["location"])
  }

  @Test func theSameSubmissionTwiceGivesOneFileEvenOnAnotherDay() throws {
    let root = try temporaryFolder()
    let first = try converter("need", root: root).convert(inputs: [Paths.fixtures + "/excel-cp932.csv"])
    var later = try converter("need", root: root)
    later.now = DateTime(epochSeconds: fixedNow.epochSeconds + 3 * 86400, offsetSeconds: DateTime.jstOffset)
    let second = later.convert(inputs: [Paths.fixtures + "/excel-cp932.csv"])
    #expect(second.records.map(\.status) == [.present, .rejected, .present])
    #expect(second.records.map(\.path) == first.records.map(\.path))
    #expect(second.exitCode == ConvertReport.ExitCode.someRejected)
    #expect(filesBelow(root + "/content").count == 2)
  }

  @Test func anExistingFileIsNeverOverwritten() throws {
    let path = try temporaryFolder() + "/x.md"
    #expect(try NoOverwriteFile.create(path, contents: Data("first".utf8)) == .created)
    #expect(try NoOverwriteFile.create(path, contents: Data("second".utf8)) == .exists)
    #expect(try text(path) == "first")
    #expect(filesBelow((path as NSString).deletingLastPathComponent) == ["x.md"], "no temporary file is left")
  }

  @Test func personalDataGoesOnlyToThePrivateRecord() throws {
    let root = try temporaryFolder()
    let report = try converter("need", root: root).convert(inputs: [Paths.fixtures + "/spool"])
    let record = report.records[0]
    let draft = try text(try #require(record.path))
    for secret in ["影山", "kage@example.jp", "contact", "consent"] {
      #expect(!draft.contains(secret), "\(secret) must not reach content/")
    }
    #expect(draft.contains("submission: \"20261125-7f3a9c\""))
    let privatePath = try #require(record.privatePath)
    #expect(privatePath == root + "/private/intake/20261125-7f3a9c.json")
    let stored = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: privatePath)))
    let fields = (stored as? [String: Any])?["fields"] as? [String: String]
    #expect(fields == ["contact_name": "影山 光", "contact_email": "kage@example.jp", "consent": "yes"])
  }

  @Test func unknownFieldsAreReportedAndNotKept() throws {
    let root = try temporaryFolder()
    let submission = Submission(
      input: "t", number: 1, line: 1, format: .json,
      fields: fields([
        ("title", "T"), ("confidentiality", "public"), ("favourite_colour", "blue"), ("kind", "tech_seed"),
      ]))
    let result = try converter("need", root: root).convert(submission)
    #expect(result.status == .written)
    #expect(result.warnings.map(\.column) == ["favourite_colour", "kind"])
    let draft = try text(try #require(result.path))
    #expect(!draft.contains("blue"))
    #expect(draft.contains("kind: clinical_need"), "the form's fixed value wins")
  }

  @Test func honeypotMarksSpam() throws {
    let root = try temporaryFolder()
    let submission = Submission(
      input: "t", number: 1, line: 1, format: .urlencoded,
      fields: fields([("title", "Buy now"), ("confidentiality", "public"), ("website", "http://spam.example")]))
    let result = try converter("need", root: root).convert(submission)
    #expect(result.status == .rejected)
    #expect(result.problems.map(\.field) == ["website"])
    #expect(filesBelow(root).isEmpty)
  }

  @Test func unreadableInputsGiveExitCode2AndTheOthersStillConvert() throws {
    let root = try temporaryFolder()
    let report = try converter("need", root: root).convert(inputs: [
      root + "/missing.csv", Paths.fixtures + "/need.urlencoded",
    ])
    #expect(report.unreadable.map(\.input) == [root + "/missing.csv"])
    #expect(report.records.map(\.status) == [.written])
    #expect(report.exitCode == ConvertReport.ExitCode.unreadableInput)
  }

  @Test func reportAsJSONAndText() throws {
    let root = try temporaryFolder()
    let report = try converter("need", root: root).convert(inputs: [Paths.fixtures + "/excel-cp932.csv"])
    let json = try JSONSerialization.jsonObject(with: Data(report.json().utf8)) as? [String: Any]
    #expect(json?["exit_code"] as? Int == 1)
    #expect((json?["summary"] as? [String: Int]) == ["written": 2, "present": 0, "rejected": 1, "skipped": 0])
    let records = json?["records"] as? [[String: Any]]
    #expect(records?.map { $0["status"] as? String } == ["written", "rejected", "written"])
    let text = report.text()
    #expect(text.contains("excel-cp932.csv:4 record 2: rejected\n  error: confidentiality (column '公開範囲'): '秘密'"))
    #expect(text.hasSuffix("2 written, 0 already present, 1 rejected, 0 skipped, 0 unreadable inputs\n"))
  }

  @Test func thePrivateFolderMustNotBeInsideContent() throws {
    let root = try temporaryFolder()
    #expect(FolderContainment.isInside(root + "/content/private", root + "/content"))
    #expect(FolderContainment.isInside(root + "/x/../content/p", root + "/content/"))
    #expect(!FolderContainment.isInside(root + "/private/intake", root + "/content"))
    #expect(!FolderContainment.isInside(root + "/content-private", root + "/content"))
  }
}
