import Foundation
import Schema
import Testing

@testable import Intake

enum Paths {
  static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().path
  static let fixtures = repository + "/Tests/Fixtures/intake"
  static let themes = repository + "/themes"
}

let fixedNow = DateTime(iso: "2026-11-25T12:00:00+09:00") ?? DateTime(epochSeconds: 0, offsetSeconds: 0)

func temporaryFolder() throws -> String {
  let url = FileManager.default.temporaryDirectory.appendingPathComponent("kirameki-intake-\(UUID().uuidString)")
  try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  return url.path
}

/// A converter writing into a fresh temporary site, with the repository's real mapping files.
func converter(_ formName: String, root: String, mappingRoot: String = Paths.repository) throws -> Converter {
  let form = try #require(IntakeForms.named(formName))
  return Converter(
    form: form, mapping: try FieldMapping.load(root: mappingRoot, form: form), contentFolder: root + "/content",
    privateFolder: root + "/private/intake", now: fixedNow)
}

/// Every regular file below a folder, as paths relative to it.
func filesBelow(_ folder: String) -> [String] {
  guard let enumerator = FileManager.default.enumerator(atPath: folder) else { return [] }
  var files: [String] = []
  while let relative = enumerator.nextObject() as? String {
    var isDirectory: ObjCBool = false
    if FileManager.default.fileExists(atPath: folder + "/" + relative, isDirectory: &isDirectory),
      !isDirectory.boolValue
    {
      files.append(relative)
    }
  }
  return files.sorted()
}

func text(_ path: String) throws -> String {
  String(decoding: try Data(contentsOf: URL(fileURLWithPath: path)), as: UTF8.self)
}

func fields(_ pairs: [(String, String)]) -> [SpoolField] {
  pairs.map { SpoolField(name: $0.0, value: $0.1) }
}
