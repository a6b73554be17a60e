import Decode
import Foundation
import Load
import Testing

@testable import Intake

/// The hostile-input corpus: nothing crashes, nothing is written outside the drafts and private
/// folders, every record is accounted for, and what is written is inert.
@Suite struct HostileInputTests {
  static let tenMegabytes = String(repeating: "あ", count: 3_500_000)
  static let escapeName = "kirameki-escape-\(UUID().uuidString)"

  static func json(_ object: [String: Any]) -> [UInt8] {
    Array((try? JSONSerialization.data(withJSONObject: object)) ?? Data())
  }

  static func spool(id: String, form: String = "need", fields: [(String, String)]) -> [UInt8] {
    json([
      "kirameki_spool": 1, "id": id, "form": form, "received_at": "2026-11-25T15:04:05+09:00",
      "content_type": "application/x-www-form-urlencoded",
      "fields": fields.map { ["name": $0.0, "value": $0.1] },
    ])
  }

  static let valid: [(String, String)] = [("title", "正当な投稿"), ("confidentiality", "public")]

  /// (name, format, bytes, records it holds)
  nonisolated(unsafe) static let corpus: [(String, InputFormat, [UInt8], Int)] = {
    let escape = escapeName
    return [
      (
        "front matter injection", .json,
        json([
          "title": "x\n---\nkind: evil\n---", "confidentiality": "public",
          "body": "\n---\ntitle: injected\ndraft: false\n---\n本文",
        ]), 1
      ),
      (
        "YAML tags and anchors", .json,
        json([
          "title": "!!python/object/apply:os.system ['id']", "summary": "&a x",
          "submitter_role": "*a", "confidentiality": "public", "body": "%YAML 1.1\n--- !!binary",
        ]), 1
      ),
      (
        "YAML look-alikes", .ndjson,
        Array(
          (#"{"title": "null", "confidentiality": "public", "summary": "~"}"# + "\n"
            + #"{"title": "{a: 1}", "confidentiality": "public", "submitter_role": "[1, 2]"}"# + "\n").utf8), 2
      ),
      ("traversal in the id", .spool, spool(id: "../../\(escape)", fields: valid), 1),
      ("absolute id", .spool, spool(id: "/tmp/\(escape)", fields: valid), 1),
      (
        "NUL in the id", .spool,
        Array(
          #"{"kirameki_spool":1,"id":"a\u0000b","form":"need","received_at":"2026-11-25T15:04:05+09:00","content_type":"x","fields":[]}"#
            .utf8), 1
      ),
      ("null id", .spool, spool(id: "null", fields: valid), 1),
      ("traversal in the form", .spool, spool(id: "form-1", form: "../../\(escape)", fields: valid), 1),
      (
        "traversal in the language", .json,
        json(["title": "t", "confidentiality": "public", "lang": "../../\(escape)"]), 1
      ),
      (
        "language with a path", .urlencoded,
        Array("title=t&confidentiality=public&lang=ja%2F..%2F..%2F\(escape)\n".utf8), 1
      ),
      ("id column traversal", .csv, Array("title,confidentiality,id\nt,public,../\(escape)\n".utf8), 1),
      (
        "file name traversal", .multipart,
        Array(
          ("--b\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\nt\r\n"
            + "--b\r\nContent-Disposition: form-data; name=\"confidentiality\"\r\n\r\npublic\r\n"
            + "--b\r\nContent-Disposition: form-data; name=\"f\"; filename=\"../../\(escape)\"\r\n\r\nx\r\n--b--\r\n")
            .utf8), 1
      ),
      (
        "script and javascript links", .json,
        json([
          "title": "<script>alert(1)</script>", "confidentiality": "public",
          "body": "<script>alert(1)</script>\n\n[x](javascript:alert(1)) <img src=x onerror=alert(1)>",
        ]), 1
      ),
      ("10 MB title", .json, json(["title": tenMegabytes, "confidentiality": "public"]), 1),
      (
        "10 MB body", .urlencoded,
        Array(("title=t&confidentiality=public&body=" + String(repeating: "A", count: 10_000_000)).utf8), 1
      ),
      ("10 MB unknown field", .json, json(["title": "t", "confidentiality": "public", "junk": tenMegabytes]), 1),
      (
        "invalid UTF-8 in JSON", .ndjson,
        Array(#"{"title": "t"#.utf8) + [0xFF, 0xFE] + Array(#"", "confidentiality": "public"}"#.utf8), 1
      ),
      ("invalid UTF-8 percent-encoded", .urlencoded, Array("title=%FF%FE&confidentiality=public\n".utf8), 1),
      ("NUL byte", .json, Array(#"{"title": "a\u0000b", "confidentiality": "public"}"#.utf8), 1),
      ("emoji", .json, json(["title": "😀🏥 内視鏡 👩🏽‍⚕️", "confidentiality": "public", "body": "🎉"]), 1),
      (
        "lone surrogate", .json,
        Array(
          #"[{"title": "\ud800", "confidentiality": "public"}, {"title": "x\udc00y", "confidentiality": "public"}]"#
            .utf8), 2
      ),
      ("duplicate keys", .json, Array(#"{"title": "a", "title": "b", "confidentiality": "public"}"#.utf8), 1),
      (
        "deep nesting", .json,
        Array(("[" + String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000) + "]").utf8), 1
      ),
      (
        "deep nesting in a record", .ndjson,
        Array(
          ("{\"title\": " + String(repeating: "{\"a\":", count: 10_000) + "1" + String(repeating: "}", count: 10_000)
            + "}\n").utf8), 1
      ),
      ("honeypot", .urlencoded, Array("title=t&confidentiality=public&website=http%3A%2F%2Fspam\n".utf8), 1),
      ("not an object", .json, Array("[1, \"x\", null]".utf8), 3),
      ("spool version", .spool, Array(#"{"kirameki_spool": 99, "id": "v-1", "form": "need", "fields": []}"#.utf8), 1),
    ]
  }()

  @Test func everyHostileRecordIsRejectedOrNeutralisedAndAccountedFor() throws {
    let parent = try temporaryFolder()
    let root = parent + "/site"
    let converter = try converter("need", root: root)
    var results: [String: [ConvertReport.RecordResult]] = [:]
    for (name, format, bytes, expected) in Self.corpus {
      let submissions = try SubmissionReader.parse(bytes, input: name, format: format)
      let converted = submissions.map(converter.convert)
      #expect(converted.count == expected, "\(name): every record is accounted for")
      results[name] = converted
    }
    func statuses(_ name: String) -> [ConvertReport.Status] { results[name]?.map(\.status) ?? [] }
    func rejectedFor(_ name: String, field: String?) {
      #expect(statuses(name).allSatisfy { $0 == .rejected }, "\(name) is rejected")
      if let field {
        #expect(
          results[name]?.allSatisfy { $0.problems.contains { $0.field == field } } == true, "\(name) names \(field)")
      }
      #expect(results[name]?.allSatisfy { !$0.problems.isEmpty } == true, "\(name) gives a reason")
    }
    rejectedFor("traversal in the id", field: "id")
    rejectedFor("absolute id", field: "id")
    rejectedFor("NUL in the id", field: "id")
    rejectedFor("traversal in the language", field: "lang")
    rejectedFor("language with a path", field: "lang")
    rejectedFor("id column traversal", field: "id")
    rejectedFor("10 MB title", field: "title")
    rejectedFor("10 MB body", field: "body")
    rejectedFor("invalid UTF-8 in JSON", field: nil)
    rejectedFor("invalid UTF-8 percent-encoded", field: nil)
    rejectedFor("NUL byte", field: "title")
    rejectedFor("lone surrogate", field: nil)
    rejectedFor("duplicate keys", field: nil)
    rejectedFor("deep nesting", field: nil)
    rejectedFor("deep nesting in a record", field: nil)
    rejectedFor("honeypot", field: "website")
    rejectedFor("not an object", field: nil)
    rejectedFor("spool version", field: nil)
    #expect(statuses("traversal in the form") == [.skipped])
    for name in [
      "front matter injection", "YAML tags and anchors", "YAML look-alikes", "null id", "file name traversal",
      "script and javascript links", "10 MB unknown field", "emoji",
    ] {
      #expect(statuses(name).allSatisfy { $0 == .written }, "\(name) is written, made harmless")
    }

    // Nothing outside the drafts and private folders, and only names the loader accepts.
    #expect(try FileManager.default.contentsOfDirectory(atPath: parent) == ["site"])
    #expect(!FileManager.default.fileExists(atPath: "/tmp/" + Self.escapeName))
    for file in filesBelow(root) {
      let parts = file.split(separator: "/").map(String.init)
      if parts.first == "content" {
        #expect(parts.count == 3 && parts[1] == "needs", "\(file)")
        #expect(
          SourceParser.parse(path: file, text: "---\ntitle: t\n---\n").isSuccess, "\(file) is a valid content path")
      } else {
        #expect(
          parts.count == 3 && parts[0] == "private" && parts[1] == "intake" && parts[2].hasSuffix(".json"), "\(file)")
      }
    }
  }

  @Test func writtenDraftsKeepHostileTextAsPlainStrings() throws {
    let root = try temporaryFolder()
    let converter = try converter("need", root: root)
    let cases: [(String, InputFormat, [UInt8])] = Self.corpus.filter {
      ["front matter injection", "YAML tags and anchors", "YAML look-alikes", "null id", "emoji"].contains($0.0)
    }.map { ($0.0, $0.1, $0.2) }
    var entries: [String: Entry] = [:]
    for (name, format, bytes) in cases {
      for (index, submission) in try SubmissionReader.parse(bytes, input: name, format: format).enumerated() {
        let result = converter.convert(submission)
        let path = try #require(result.path, "\(name)")
        let relative = "content/" + path.split(separator: "/").suffix(2).joined(separator: "/")
        let source = try SourceParser.parse(path: relative, text: text(path)).get()
        let (entry, diagnostics) = EntryDecoder.decode(source)
        #expect(diagnostics.isEmpty, "\(name): \(diagnostics)")
        entries["\(name) \(index)"] = try #require(entry)
      }
    }
    let injected = try #require(entries["front matter injection 0"])
    #expect(injected.title == "x --- kind: evil ---")
    #expect(injected.string("kind") == "clinical_need")
    #expect(injected.draft)
    #expect(injected.body.contains("title: injected"), "the fake front matter stays in the body")
    let tags = try #require(entries["YAML tags and anchors 0"])
    #expect(tags.title == "!!python/object/apply:os.system ['id']")
    #expect(tags.string("summary") == "&a x")
    #expect(tags.string("submitter_role") == "*a")
    #expect(entries["YAML look-alikes 0"]?.title == "null")
    #expect(entries["YAML look-alikes 0"]?.string("summary") == "~")
    #expect(entries["YAML look-alikes 1"]?.title == "{a: 1}")
    #expect(entries["YAML look-alikes 1"]?.string("submitter_role") == "[1, 2]")
    #expect(entries["null id 0"]?.string("submission") == "null", "a null-looking id stays a string")
    #expect(entries["emoji 0"]?.title == "😀🏥 内視鏡 👩🏽‍⚕️")
  }

  @Test func undecodableCSVIsAnUnreadableInput() throws {
    let root = try temporaryFolder()
    let path = root + "/bad.csv"
    // 0x81 0x20 is neither UTF-8 nor CP932.
    try Data([0x74, 0x69, 0x74, 0x6C, 0x65, 0x0A, 0x81, 0x20, 0x0A]).write(to: URL(fileURLWithPath: path))
    let report = try converter("need", root: root).convert(inputs: [path])
    #expect(report.unreadable.count == 1)
    #expect(report.exitCode == ConvertReport.ExitCode.unreadableInput)
  }
}

extension Result {
  var isSuccess: Bool {
    if case .success = self { return true }
    return false
  }
}
