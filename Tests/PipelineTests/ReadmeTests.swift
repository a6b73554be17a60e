import Foundation
import Schema
import Testing

/// The README's field tables are generated from the schemas; this keeps them identical.
/// Rewrite them with KIRAMEKI_UPDATE_FIXTURES=1 swift test.
@Suite struct ReadmeTests {
  static let begin = "<!-- fields:begin (generated from the schemas; see Tests/PipelineTests/ReadmeTests.swift) -->"
  static let end = "<!-- fields:end -->"

  @Test func readmeFieldTablesMatchTheSchemas() throws {
    let path = Paths.repository + "/README.md"
    var readme = try String(contentsOfFile: path, encoding: .utf8)
    guard let start = readme.range(of: Self.begin), let stop = readme.range(of: Self.end) else {
      Issue.record("README.md lacks the field-table markers")
      return
    }
    let generated = "\n" + SchemaDocumentation.markdown()
    if ProcessInfo.processInfo.environment["KIRAMEKI_UPDATE_FIXTURES"] == "1" {
      readme.replaceSubrange(start.upperBound..<stop.lowerBound, with: generated)
      try Data(readme.utf8).write(to: URL(fileURLWithPath: path))
      return
    }
    #expect(String(readme[start.upperBound..<stop.lowerBound]) == generated)
  }
}
