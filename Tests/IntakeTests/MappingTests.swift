import Foundation
import Schema
import Testing

@testable import Intake

@Suite struct MappingTests {
  @Test func columnHeadersMapAfterNormalising() throws {
    let yaml = "fields:\n  タイトル: title\n  E-mail: contact_email\nignore: [メモ]\n"
    let mapping = try FieldMapping.parse(yaml, path: "intake/need.yaml", form: IntakeForms.need)
    #expect(mapping.target(of: " タイトル ") == .field("title"))
    #expect(mapping.target(of: "Ｅ－ｍａｉｌ") == .field("contact_email"))
    #expect(mapping.target(of: "confidentiality") == .field("confidentiality"), "schema names map to themselves")
    #expect(mapping.target(of: "メモ") == .ignored)
    #expect(mapping.target(of: "kind") == .unknown, "a fixed value is not the submitter's to give")
    #expect(mapping.target(of: "location") == .unknown, "a field of another form")
  }

  @Test func aTargetOutsideTheFormIsAnErrorWithItsLine() {
    let yaml = "fields:\n  タイトル: title\n  場所: locaton\n"
    do {
      _ = try FieldMapping.parse(yaml, path: "intake/company.yaml", form: IntakeForms.company)
      Issue.record("must fail")
    } catch {
      #expect(error.message.hasPrefix("intake/company.yaml:3: 'locaton'"))
      #expect(error.message.contains("did you mean 'location'?"))
    }
  }

  @Test func unknownTopLevelKeyIsAnError() {
    #expect(throws: InputError.self) {
      try FieldMapping.parse("columns:\n  a: title\n", path: "x.yaml", form: IntakeForms.need)
    }
  }

  @Test func missingFileMeansIdentity() throws {
    let root = try temporaryFolder()
    let mapping = try FieldMapping.load(root: root, form: IntakeForms.seminar)
    #expect(mapping.target(of: "start") == .field("start"))
    #expect(mapping.target(of: "開始日時") == .unknown)
  }

  @Test func theSitesMappingFilesLoadForEveryForm() throws {
    for form in IntakeForms.all {
      let mapping = try FieldMapping.load(root: Paths.repository, form: form)
      #expect(mapping.target(of: "タイムスタンプ") == .field("received_at"), "\(form.name)")
      #expect(mapping.target(of: "メールアドレス") == .field("contact_email"), "\(form.name)")
      #expect(!mapping.targets.isEmpty, "\(form.name) has intake/\(form.name).yaml")
    }
  }
}
