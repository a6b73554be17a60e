import Check
import Foundation
import Schema
import TestSupport
import Testing

@Suite struct JSONSchemaExportTests {
  /// `schema/` in the repository is what `kirameki schema` writes; regenerate with
  /// KIRAMEKI_UPDATE_FIXTURES=1.
  @Test func committedSchemaFilesMatchTheSchema() throws {
    for file in JSONSchemaExport.files() {
      #expect(try matchesFixture(file.contents, Paths.repository + "/" + file.path), "\(file.path) is out of date")
    }
  }

  @Test func requiredFieldsEnumsAndNestedObjectsComeFromTheSchema() throws {
    let data = Data(JSONSchemaExport.document(for: ContentTypes.guide).utf8)
    let root = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    #expect(root["additionalProperties"] as? Bool == false)
    let required = Set(root["required"] as? [String] ?? [])
    #expect(required == Set(ContentTypes.guide.fields.filter(\.required).map(\.name)))
    let properties = try #require(root["properties"] as? [String: [String: Any]])
    #expect(Set(properties.keys) == Set(ContentTypes.guide.fields.map(\.name)))
    #expect(properties["jurisdiction"]?["enum"] as? [String] == Vocabularies.jurisdictions.allowedValues)
    let sources = try #require(properties["sources"]?["items"] as? [String: Any])
    #expect(sources["required"] as? [String] == ["title", "url"])
    #expect(properties["last_reviewed"]?["format"] as? String == "date")
  }
}

/// The `jsonschema` package (what editors' YAML tooling does) accepts every real content file's
/// front matter under the exported schema, and rejects a broken one naming the field.
@Suite struct JSONSchemaClientTests {
  let script = Paths.repository + "/Tests/Clients/check_json_schema.py"

  @Test func realContentValidatesAgainstTheExportedSchema() throws {
    let result = try #require(
      runTool(["python3", script, Paths.repository + "/schema", Paths.repository + "/content"]))
    #expect(result.status == 0, "\(result.output)")
    #expect(result.output.contains("0 problems"))
  }

  @Test func brokenFrontMatterFailsNamingTheField() throws {
    let root = try copyOfSite(Paths.checkSite)
    let path = root + "/content/needs/old-posting.ja.md"
    let text = try String(contentsOfFile: path, encoding: .utf8)
    try Data(text.replacingOccurrences(of: "status: open", with: "status: opne\ncolour: red").utf8)
      .write(to: URL(fileURLWithPath: path))
    let result = try #require(runTool(["python3", script, Paths.repository + "/schema", root + "/content"]))
    #expect(result.status == 1)
    #expect(result.output.contains("old-posting.ja.md: status: 'opne' is not one of"))
    #expect(result.output.contains("'colour' was unexpected"))
  }
}
