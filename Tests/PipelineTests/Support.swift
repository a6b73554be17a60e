import Foundation
import Pipeline
import Render
import Schema

enum Paths {
  static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().path
  static let fixtures = repository + "/Tests/Fixtures"
  static let themes = repository + "/themes"
}

let fixedNow = DateTime(iso: "2026-11-25T12:00:00+09:00") ?? DateTime(epochSeconds: 0, offsetSeconds: 0)

func options(root: String, output: String? = nil, drafts: Bool = false) -> BuildOptions {
  BuildOptions(root: root, output: output, themes: Paths.themes, includeDrafts: drafts, now: fixedNow)
}

func temporaryFolder() throws -> String {
  let url = FileManager.default.temporaryDirectory.appendingPathComponent("kirameki-test-\(UUID().uuidString)")
  try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  return url.path
}

extension OutputFile {
  /// The file's bytes, reading copied files from the site root.
  func bytes(root: String) throws -> Data {
    switch contents {
    case .data(let data): data
    case .copy(let source): try Data(contentsOf: URL(fileURLWithPath: root + "/" + source))
    }
  }
}

/// Every file below a folder, relative path → bytes.
func readTree(_ folder: String) throws -> [String: Data] {
  var files: [String: Data] = [:]
  guard let enumerator = FileManager.default.enumerator(atPath: folder) else { return files }
  while let relative = enumerator.nextObject() as? String {
    var isDirectory: ObjCBool = false
    let path = folder + "/" + relative
    if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue {
      files[relative] = try Data(contentsOf: URL(fileURLWithPath: path))
    }
  }
  return files
}
