import Foundation
import Testing

@testable import Intake

@Suite struct ReaderTests {
  @Test func excelCP932CSVIsDecodedThroughIconv() throws {
    let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: Paths.fixtures + "/excel-cp932.csv")))
    #expect(String(validating: bytes, as: UTF8.self) == nil, "the fixture must really be CP932")
    let (text, encoding) = try #require(InputText.decode(bytes))
    #expect(encoding == .cp932)
    #expect(text.contains("髙橋記念病院"))
    #expect(text.contains("①"))
    #expect(text.contains("～"))
  }

  @Test func csvKeepsQuotedLineBreaksAndCountsLines() throws {
    let rows = try CSVReader.rows("a,b\r\n\"x\r\ny\",\"say \"\"hi\"\"\"\r\n\r\nlast,row")
    #expect(rows.map(\.cells) == [["a", "b"], ["x\r\ny", "say \"hi\""], ["last", "row"]])
    #expect(rows.map(\.line) == [1, 2, 5])
  }

  @Test func csvUnclosedQuoteIsAnInputError() {
    #expect(throws: InputError.self) { try CSVReader.rows("a,b\n\"open,x\n") }
  }

  @Test func googleFormsCSVWithBOMAndCRLF() throws {
    let submissions = try SubmissionReader.read(Paths.fixtures + "/google-forms.csv")
    #expect(submissions.count == 2)
    let first = try #require(submissions.first)
    #expect(first.fields.first?.name == "タイムスタンプ", "the byte-order mark must not stick to the first header")
    #expect(first.fields.first { $0.name == "内容" }?.value == "1行目\r\n\r\n2行目 \"引用\"")
    #expect(submissions.map(\.line) == [2, 6])
  }

  @Test func formatsAreDetectedByContentWithoutExtension() {
    #expect(InputFormat.sniff("[{\"a\":1}]") == .json)
    #expect(InputFormat.sniff("{\"a\":1}\n{\"a\":2}\n") == .ndjson)
    #expect(InputFormat.sniff("{\n \"a\": 1\n}") == .json)
    #expect(InputFormat.sniff("title=x&body=y") == .urlencoded)
    #expect(InputFormat.sniff("--b\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nx\r\n--b--") == .multipart)
    #expect(InputFormat.sniff("タイトル,概要\nx,y") == .csv)
    #expect(InputFormat.byExtension("dir.v2/responses.JSONL") == .ndjson)
    #expect(InputFormat.byExtension("dir.csv/file") == nil)
  }

  @Test func standardInputIsRead() throws {
    let submissions = try SubmissionReader.read(
      "-", standardInput: { Data("title=%E5%86%85&tech_areas=a&tech_areas=b".utf8) })
    #expect(submissions.first?.fields == fields([("title", "内"), ("tech_areas", "a"), ("tech_areas", "b")]))
  }

  @Test func multipartDropsUploadedFiles() throws {
    let submissions = try SubmissionReader.read(Paths.fixtures + "/seed.multipart")
    let record = try #require(submissions.first)
    #expect(
      record.fields.map(\.name) == ["title", "confidentiality", "tech_areas", "tech_areas", "body", "contact_name"])
    #expect(record.fields.first { $0.name == "body" }?.value == "## 技術\r\n\r\nナノ構造で反射を抑えます。")
    #expect(record.readWarnings.map(\.column) == ["attachment"])
  }

  @Test func spoolFolderReadsEveryRecord() throws {
    let submissions = try SubmissionReader.read(Paths.fixtures + "/spool")
    #expect(submissions.map(\.id) == ["20261125-7f3a9c", "20261125-b41c07"])
    #expect(submissions.map(\.form) == ["need", "seed"])
    #expect(submissions.map(\.number) == [1, 2])
    #expect(submissions[0].fields.filter { $0.name == "tech_areas" }.map(\.value) == ["optics", "imaging"])
  }

  @Test func ndjsonBadLineDoesNotStopTheOthers() throws {
    let submissions = try SubmissionReader.read(Paths.fixtures + "/needs.ndjson")
    #expect(submissions.count == 3)
    #expect(submissions.map { $0.readProblems.isEmpty } == [true, false, true])
    #expect(submissions.map(\.line) == [1, 2, 3])
  }
}

@Suite struct JSONParserTests {
  func parse(_ text: String) throws -> JSONValue {
    try JSONParser.parseDocument(Array(text.utf8))
  }

  @Test func keepsMemberOrderAndDuplicates() throws {
    let value = try parse(#"{"b": 1, "a": "x", "b": [true, null, 2.5e3]}"#)
    #expect(value.members?.map(\.key) == ["b", "a", "b"])
    #expect(value.members?.last?.value == .array([.bool(true), .null, .number("2.5e3")]))
  }

  @Test func decodesEscapesAndSurrogatePairs() throws {
    #expect(try parse(#""a\n\u00e9\ud83d\ude00\"""#) == .string("a\né😀\""))
  }

  @Test func loneSurrogateSpoilsOnlyItsValue() throws {
    let value = try parse(#"[{"t": "\ud800"}, {"t": "ok"}]"#)
    guard case .array(let items) = value else { throw JSONParser.SyntaxError(offset: 0, message: "not an array") }
    if case .invalid = items[0]["t"] {} else { Issue.record("a lone surrogate must make the value invalid") }
    #expect(items[1]["t"] == .string("ok"))
  }

  @Test func invalidUTF8SpoilsOnlyItsValue() throws {
    var bytes = Array(#"{"a": "x", "b": "y"}"#.utf8)
    bytes[7] = 0xFF
    let value = try JSONParser.parseDocument(bytes)
    if case .invalid = value["a"] {} else { Issue.record("invalid UTF-8 must make the value invalid") }
    #expect(value["b"] == .string("y"))
  }

  @Test func deepNestingIsSkippedWithoutRecursion() throws {
    let depth = 100_000
    let text =
      "[{\"t\": \"ok\"}, {\"deep\": " + String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
      + "}]"
    let value = try parse(text)
    guard case .array(let items) = value else { throw JSONParser.SyntaxError(offset: 0, message: "not an array") }
    #expect(items.count == 2)
    #expect(deepest(items[1]) <= JSONParser.maxDepth, "nothing deeper than the limit is kept")
    let records = items.enumerated().map {
      JSONRecordReader.submission($1, input: "t", number: $0 + 1, line: nil, format: .json)
    }
    #expect(records[0].readProblems.isEmpty)
    #expect(!records[1].readProblems.isEmpty)
  }

  func deepest(_ value: JSONValue) -> Int {
    switch value {
    case .array(let items): 1 + (items.map(deepest).max() ?? 0)
    case .object(let members): 1 + (members.map { deepest($0.value) }.max() ?? 0)
    default: 0
    }
  }

  @Test func syntaxErrorsNameTheirOffset() {
    #expect(throws: JSONParser.SyntaxError.self) { try parse(#"{"a": }"#) }
    #expect(throws: JSONParser.SyntaxError.self) { try parse(#"{"a": "x"} trailing"#) }
    #expect(throws: JSONParser.SyntaxError.self) { try parse("\"raw\u{01}control\"") }
    let text = "{\n\"a\": tru\n}"
    do {
      _ = try JSONParser.parseDocument(Array(text.utf8))
      Issue.record("must not parse")
    } catch {
      #expect(LineIndex(Array(text.utf8)).line(at: error.offset) == 2)
    }
  }
}

@Suite struct FormatFallbackTests {
  @Test func aJSONFileHoldingOneObjectPerLineIsReadAsNDJSON() throws {
    let bytes = Array("{\"title\": \"a\"}\n{\"title\": \"b\"}\n".utf8)
    let submissions = try SubmissionReader.parse(bytes, input: "export.json", format: .json)
    #expect(submissions.map { $0.fields.first?.value } == ["a", "b"])
    #expect(submissions.map(\.format) == [.ndjson, .ndjson])
  }

  @Test func aBrokenJSONDocumentIsUnreadableWithItsLine() {
    do {
      _ = try SubmissionReader.parse(
        Array("[\n{\"title\": \"a\"},\n{\"title\" \"b\"}\n]".utf8), input: "x.json", format: .json)
      Issue.record("must fail")
    } catch {
      #expect(error.line == 3)
      #expect(error.message.contains("expected ':'"))
    }
  }
}
