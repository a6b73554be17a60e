import Foundation
import Testing

/// The executables the end-to-end tests start, built next to the test bundle (`.build/debug`).
/// `swift test` recompiles the modules but does not relink executables, so a binary older than an
/// object file of its modules is refused (a touched but unchanged source leaves both alone).
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

  /// The modules each binary is linked from.
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

  /// The binary's path; records an issue when it is missing or older than an object file it links.
  static func require(_ name: String) throws -> String {
    let path = folder + "/" + name
    let build = "swift build --product \(name)"
    try #require(FileManager.default.isExecutableFile(atPath: path), "\(path) is missing: \(build)")
    let built = modified(path) ?? .distantPast
    for module in sources[name] ?? [] {
      let objects = folder + "/" + module.replacingOccurrences(of: "-", with: "_") + ".build"
      let files = (try? FileManager.default.contentsOfDirectory(atPath: objects)) ?? []
      for file in files where file.hasSuffix(".o") {
        let compiled = modified(objects + "/" + file) ?? .distantPast
        try #require(compiled <= built, "\(path) is older than its module \(module): \(build)")
      }
    }
    return path
  }

  static func modified(_ path: String) -> Date? {
    (try? FileManager.default.attributesOfItem(atPath: path))?[.modificationDate] as? Date
  }
}
