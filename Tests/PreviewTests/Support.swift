import Foundation
import Pipeline
import Preview
import Schema

enum Paths {
  static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().path
  static let fixtures = repository + "/Tests/Fixtures"
  static let themes = repository + "/themes"
}

let fixedNow = DateTime(iso: "2026-11-25T12:00:00+09:00") ?? DateTime(epochSeconds: 0, offsetSeconds: 0)

/// A fresh copy of a fixture site in a temporary folder, so a test can edit it.
func copyOfFixtureSite(_ name: String = "basic") throws -> String {
  let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kirameki-preview-\(UUID().uuidString)")
  try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
  let source = Paths.fixtures + "/sites/" + name
  for item in ["content", "kirameki.yaml"] {
    try FileManager.default.copyItem(atPath: source + "/" + item, toPath: folder.path + "/" + item)
  }
  return folder.path
}

func buildOptions(root: String, drafts: Bool = true) -> BuildOptions {
  BuildOptions(root: root, themes: Paths.themes, includeDrafts: drafts, now: fixedNow)
}

func write(_ text: String, to path: String) throws {
  try Data(text.utf8).write(to: URL(fileURLWithPath: path))
}

func read(_ path: String) throws -> String {
  String(decoding: try Data(contentsOf: URL(fileURLWithPath: path)), as: UTF8.self)
}

extension PreviewSite {
  /// A served page's text.
  func text(_ path: String) -> String {
    String(decoding: serve(path).body, as: UTF8.self)
  }
}

/// Waits until `condition` holds, checking every 20 ms; false after `seconds`.
func eventually(seconds: Double = 10, _ condition: () -> Bool) async -> Bool {
  let deadline = Date().addingTimeInterval(seconds)
  while Date() < deadline {
    if condition() { return true }
    try? await Task.sleep(for: .milliseconds(20))
  }
  return condition()
}
