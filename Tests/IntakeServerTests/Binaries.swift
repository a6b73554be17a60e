import Foundation
import Testing

/// The executables the end-to-end tests start, built next to the test bundle (`.build/debug`).
/// `swift test` does not rebuild executables, so a binary older than its sources is refused.
enum Binaries {
  static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().path

  static var folder: String {
    let bundle = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    let candidates = [bundle, bundle.deletingLastPathComponent()]
    return
      (candidates.first {
        FileManager.default.isExecutableFile(atPath: $0.appendingPathComponent("kirameki-intake").path)
      }
      ?? bundle).path
  }

  static var intake: String { folder + "/kirameki-intake" }
  static var kirameki: String { folder + "/kirameki" }

  /// Source folders each binary is built from.
  static let sources: [String: [String]] = [
    "kirameki-intake": [
      "Diagnostics", "Schema", "Load", "Decode", "Markdown", "Intake", "IntakeServer", "kirameki-intake",
    ],
    "kirameki": [
      "Diagnostics", "Schema", "Load", "Decode", "Markdown", "Assemble", "Render", "Search", "Feeds", "Emit",
      "Pipeline",
      "Intake", "KiramekiCLI", "kirameki",
    ],
  ]

  /// The binary's path; records an issue when it is missing or older than a source file.
  static func require(_ name: String) throws -> String {
    let path = folder + "/" + name
    let build = "swift build --product \(name)"
    try #require(FileManager.default.isExecutableFile(atPath: path), "\(path) is missing: \(build)")
    let built = modified(path) ?? .distantPast
    for source in sources[name] ?? [] {
      let root = repository + "/Sources/" + source
      let files = FileManager.default.enumerator(atPath: root)?.compactMap { $0 as? String } ?? []
      for file in files where file.hasSuffix(".swift") {
        let changed = modified(root + "/" + file) ?? .distantPast
        try #require(changed <= built, "\(path) is older than Sources/\(source)/\(file): \(build)")
      }
    }
    return path
  }

  static func modified(_ path: String) -> Date? {
    (try? FileManager.default.attributesOfItem(atPath: path))?[.modificationDate] as? Date
  }
}
