import Foundation
import Pipeline
import Schema

enum Paths {
  static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().path
  static let fixtures = repository + "/Tests/Fixtures"
  static let themes = repository + "/themes"
  static let checkSite = fixtures + "/check/site"
}

let fixedNow = DateTime(iso: "2026-11-25T12:00:00+09:00") ?? DateTime(epochSeconds: 0, offsetSeconds: 0)

func checkOptions(root: String) -> BuildOptions {
  BuildOptions(root: root, themes: Paths.themes, includeDrafts: true, now: fixedNow)
}

var updatingFixtures: Bool { ProcessInfo.processInfo.environment["KIRAMEKI_UPDATE_FIXTURES"] == "1" }

func temporaryFolder() throws -> String {
  let url = FileManager.default.temporaryDirectory.appendingPathComponent("kirameki-check-\(UUID().uuidString)")
  try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  return url.path
}

/// A copy of a fixture site in a temporary folder, to edit.
func copyOfSite(_ path: String) throws -> String {
  let root = try temporaryFolder() + "/hub"
  try FileManager.default.copyItem(atPath: path, toPath: root)
  for leftover in ["expected.txt", "expected", "site"] {
    try? FileManager.default.removeItem(atPath: root + "/" + leftover)
  }
  return root
}

/// Compares with a file under Tests/Fixtures, rewriting it when KIRAMEKI_UPDATE_FIXTURES=1.
func matchesFixture(_ text: String, _ path: String) throws -> Bool {
  if updatingFixtures { try Data(text.utf8).write(to: URL(fileURLWithPath: path)) }
  return try String(contentsOfFile: path, encoding: .utf8) == text
}
