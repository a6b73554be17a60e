import Foundation
import TestSupport
import Testing

/// The executables next to the test bundle (`.build/debug`): `kirameki-intake` for the form loop,
/// `kirameki` as a user runs it.
enum Executable {
  static func path(_ name: String) -> String {
    let bundle = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    let candidates = [bundle, bundle.deletingLastPathComponent()].map { $0.appendingPathComponent(name).path }
    return candidates.first { FileManager.default.isExecutableFile(atPath: $0) } ?? candidates[0]
  }

  /// The binary's path; records an issue when it is missing or older than the objects of the
  /// given modules (`swift test` recompiles modules but does not relink executables).
  static func require(_ name: String, modules: [String]) throws -> String {
    let binary = path(name)
    let build = "swift build --product \(name)"
    try #require(FileManager.default.isExecutableFile(atPath: binary), "\(binary) is missing: \(build)")
    let built = modified(binary) ?? .distantPast
    for module in modules {
      let objects = (binary as NSString).deletingLastPathComponent + "/" + module + ".build"
      for file in (try? FileManager.default.contentsOfDirectory(atPath: objects)) ?? [] where file.hasSuffix(".o") {
        try #require(
          (modified(objects + "/" + file) ?? .distantPast) <= built,
          "\(binary) is older than module \(module): \(build)")
      }
    }
    return binary
  }

  static func modified(_ path: String) -> Date? {
    (try? FileManager.default.attributesOfItem(atPath: path))?[.modificationDate] as? Date
  }
}

/// A running `kirameki-intake serve`, started on a free port; `stop()` ends it with SIGTERM.
final class RunningReceiver {
  let process = Process()
  let url: String

  init(binary: String, arguments: [String]) throws {
    process.executableURL = URL(fileURLWithPath: binary)
    process.arguments = ["serve", "--port", "0"] + arguments
    let output = Pipe()
    process.standardOutput = output
    process.standardError = FileHandle.nullDevice
    try process.run()
    // The receiver prints "kirameki-intake: listening on http://127.0.0.1:PORT" once it accepts.
    var line = Data()
    while let byte = try? output.fileHandleForReading.read(upToCount: 1), let first = byte.first, first != 10 {
      line.append(first)
    }
    let text = String(decoding: line, as: UTF8.self)
    guard let range = text.range(of: "listening on ") else {
      process.terminate()
      throw ReceiverDidNotStart(output: text)
    }
    url = String(text[range.upperBound...]).trimmingCharacters(in: .whitespaces)
  }

  /// Stops the receiver gracefully; returns its exit status.
  @discardableResult
  func stop() -> Int32 {
    if process.isRunning { process.terminate() }
    process.waitUntilExit()
    return process.terminationStatus
  }

  deinit { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }

  struct ReceiverDidNotStart: Error, CustomStringConvertible {
    let output: String
    var description: String { "kirameki-intake serve did not report its port: \(output)" }
  }
}

/// A free TCP port on 127.0.0.1 (bound, read and released), for the site server the receiver must
/// know as an allowed origin before the site is served.
func freePort() -> Int? {
  let script = "import socket; s = socket.socket(); s.bind(('127.0.0.1', 0)); print(s.getsockname()[1])"
  guard let (status, output) = runTool(["python3", "-c", script]), status == 0 else { return nil }
  return Int(output.trimmingCharacters(in: .whitespacesAndNewlines))
}
