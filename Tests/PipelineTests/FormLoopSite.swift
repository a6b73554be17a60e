import Diagnostics
import Foundation
import Pipeline
import Testing

/// A copy of the real site root (content, intake mappings, `kirameki.yaml`) in a temporary folder,
/// with `intake_url` pointing at a running `kirameki-intake serve --root COPY`, built into `site`.
/// The receiver allows the origin of the port the checker serves the site on.
final class FormLoopSite {
  let intake: String
  let folder: String
  let root: String
  let spool: String
  let site: String
  let port: Int
  let receiver: RunningReceiver

  init(themes: String = Paths.themes) throws {
    intake = try Executable.require("kirameki-intake", modules: ["Intake", "IntakeServer"])
    folder = try temporaryFolder()
    root = folder + "/root"
    spool = folder + "/spool"
    site = folder + "/site"
    try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
    for name in ["content", "intake", "kirameki.yaml"] {
      try FileManager.default.copyItem(atPath: Paths.repository + "/" + name, toPath: root + "/" + name)
    }
    port = try #require(freePort(), "step ports: python3 finds a free port for the site")
    receiver = try RunningReceiver(
      binary: intake, arguments: ["--spool", spool, "--root", root, "--allowed-origin", "http://127.0.0.1:\(port)"])
    let config = try String(contentsOfFile: root + "/kirameki.yaml", encoding: .utf8)
    try (config + "\nintake_url: \(receiver.url)\n").write(
      toFile: root + "/kirameki.yaml", atomically: true, encoding: .utf8)
    let built = Build.run(BuildOptions(root: root, output: site, themes: themes, now: fixedNow))
    try #require(built.wrote, "step build: the copy with intake_url builds:\n\(Self.errors(built))")
  }

  deinit {
    receiver.stop()
    try? FileManager.default.removeItem(atPath: folder)
  }

  /// The arguments of `form_loop_test.py --submit` for this site, writing what it typed to `record`.
  func submitArguments(record: String) -> [String] {
    ["--submit", "--receiver=\(receiver.url)", "--port=\(port)", "--record=\(record)"]
  }

  static func errors(_ result: BuildResult) -> String {
    DiagnosticFormatter.format(result.diagnostics.filter { $0.severity == .error })
  }
}
