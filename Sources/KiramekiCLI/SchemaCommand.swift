import ArgumentParser
import Check
import Foundation
import Schema

/// `kirameki schema`: JSON Schema files for editors' YAML tooling.
struct SchemaCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "schema",
    abstract: "Write JSON Schema for every content type's front matter into schema/ (or print one type)."
  )

  @Option(help: "Print the schema of one type to standard output instead of writing files.")
  var type: String?

  @Option(help: "The site root; files go to <root>/schema/. Default: the current folder.")
  var root: String = "."

  func run() throws {
    if let type {
      guard let contentType = ContentTypes.all.first(where: { $0.name == type }) else {
        throw ValidationError(
          "unknown type '\(type)'; use one of \(ContentTypes.all.map(\.name).joined(separator: ", "))")
      }
      print(JSONSchemaExport.document(for: contentType), terminator: "")
      return
    }
    try FileManager.default.createDirectory(
      atPath: root + "/" + JSONSchemaExport.folder, withIntermediateDirectories: true)
    for file in JSONSchemaExport.files() {
      try Data(file.contents.utf8).write(to: URL(fileURLWithPath: root + "/" + file.path), options: .atomic)
      print("Wrote \(root)/\(file.path)")
    }
  }
}
