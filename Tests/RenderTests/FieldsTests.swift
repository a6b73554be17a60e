import Mustache
import Testing

@testable import Render

@Suite struct FieldsTests {
  @Test func namesAreSetReplacedAndRemovedLikeADictionary() {
    var fields: Fields = ["title": "a", "count": 2]
    #expect(fields["title"] as? String == "a")
    #expect(fields["count"] as? Int == 2)
    #expect(fields["missing"] == nil)
    fields["title"] = "b"
    #expect(fields["title"] as? String == "b")
    fields["count"] = nil
    #expect(fields["count"] == nil)
    #expect(fields["title"] as? String == "b")
    fields["title"] = nil
    #expect(fields.isEmpty)
    fields["new"] = true
    #expect(fields["new"] as? Bool == true)
    #expect(!fields.isEmpty)
  }

  @Test func aNameGivenTwiceInALiteralKeepsItsLastValue() {
    let fields: Fields = ["a": 1, "b": 2, "a": 3]
    #expect(fields["a"] as? Int == 3)
    #expect(fields["b"] as? Int == 2)
    // A long literal: every earlier name is still found.
    let literal = Fields((0..<100).map { ("n\($0)", $0 as Any) } + [("n7", "again" as Any), ("n99", "last" as Any)])
    #expect(literal["n7"] as? String == "again")
    #expect(literal["n99"] as? String == "last")
    #expect((0..<100).filter { $0 != 7 && $0 != 99 }.allSatisfy { literal["n\($0)"] as? Int == $0 })
  }

  @Test func aTemplatesNameFindsTheSameValueAsTheString() {
    let fields: Fields = ["published_label": "公開", "a": 1, "ab": 2, "ba": 3]
    #expect(fields.value(for: Fields.Name("published_label")) as? String == "公開")
    #expect(fields.value(for: Fields.Name("ab")) as? Int == 2)
    #expect(fields.value(for: Fields.Name("ba")) as? Int == 3)
    #expect(fields.value(for: Fields.Name("b")) == nil)
    #expect(fields.child(named: "a") as? Int == 1)
  }

  @Test func namesWithTheSameFingerprintAreToldApartByTheirText() {
    let fields: Fields = ["a": 1]
    let clash = Fields.Name(name: "b", fingerprint: Fields.Name.fingerprint(of: "a"))
    #expect(fields.value(for: clash) == nil)
    #expect(fields.value(for: Fields.Name(name: "a", fingerprint: clash.fingerprint)) as? Int == 1)
  }

  @Test func fingerprintsDependOnEveryByte() {
    let names = ["title", "titles", "eltit", "タイトル", "", "url", "urn", "has_badges", "has_facts"]
    let fingerprints = Set(names.map(Fields.Name.fingerprint(of:)))
    #expect(fingerprints.count == names.count)
    #expect(Fields.Name("title") == Fields.Name("title"))
  }

  @Test func bothRenderersReadNestedFields() throws {
    MustacheContentTypes.register(HTMLEscaping(), named: HTMLEscaping.name)
    let source = "{{#entry}}<h1>{{title}}</h1>{{#tags}}[{{label}}]{{/tags}}{{^none}}!{{/none}}{{site}}{{/entry}}"
    let context: Fields = [
      "site": "S",
      "entry": ["title": "T&", "tags": [["label": "a"], ["label": "b"]] as [Fields]] as Fields,
    ]
    var library = MustacheLibrary()
    library.register(try MustacheTemplate(string: source), named: "page")
    let set = TemplateSet(sources: ["page": source])
    #expect(set.contains("page"))
    let expected = "<h1>T&amp;</h1>[a][b]!S"
    #expect(library.render(context, withTemplate: "page") == expected)
    #expect(set.render(context, withTemplate: "page") == expected)
  }
}
