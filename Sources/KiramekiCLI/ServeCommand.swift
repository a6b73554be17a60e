import ArgumentParser
import Foundation
import Pipeline
import Preview
import Schema
import Synchronization

/// `kirameki serve`: builds the site into memory, serves it on loopback, and rebuilds what a
/// change affects as files under content/, themes/, templates/, assets/ or kirameki.yaml change.
struct ServeCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "serve",
    abstract: "Preview the site with live reload; drafts are shown unless --no-drafts."
  )

  @Option(help: "The site root, holding kirameki.yaml and content/. Default: the current folder.")
  var root: String = "."

  @Option(help: "Port to listen on; 0 picks a free one.")
  var port: Int = 8000

  @Option(help: "Address to listen on. Default: loopback only.")
  var host: String = "127.0.0.1"

  @Flag(name: .customLong("no-drafts"), help: "Leave out entries marked 'draft: true', as a normal build does.")
  var noDrafts = false

  @Option(help: "The moment to build for, ISO 8601 (2026-12-03T09:00:00+09:00 or 2026-12-03). Default: now.")
  var now: String?

  /// Synchronous like the other commands (the root command is not async): the server runs in a
  /// task while this thread waits for it to end.
  @Flag(help: "Print the time each stage of every rebuild takes.")
  var timings = false

  func run() throws {
    let failure = Mutex<(any Error)?>(nil)
    let finished = DispatchSemaphore(value: 0)
    let command = self
    Task {
      do {
        try await command.serve()
      } catch {
        failure.withLock { $0 = error }
      }
      finished.signal()
    }
    finished.wait()
    if let error = failure.withLock({ $0 }) { throw error }
  }

  func serve() async throws {
    let moment: DateTime
    if let now {
      guard let parsed = NowParser.parse(now) else {
        throw ValidationError("--now '\(now)' is not ISO 8601; write 2026-12-03T09:00:00+09:00 or 2026-12-03")
      }
      moment = parsed
    } else {
      moment = DateTime(epochSeconds: Int(Date().timeIntervalSince1970), offsetSeconds: DateTime.jstOffset)
    }
    let log: @Sendable (String) -> Void = { line in FileHandle.standardError.write(Data((line + "\n").utf8)) }
    let quiet: @Sendable (String) -> Void = { _ in }
    let site = PreviewSite(
      options: BuildOptions(root: root, includeDrafts: !noDrafts, now: moment, log: timings ? log : quiet))
    let host = host
    try await PreviewServer.run(site: site, host: host, port: port, log: log) { port in
      FileHandle.standardOutput.write(Data("Serving on http://\(host):\(port)/ (Ctrl-C to stop)\n".utf8))
    }
  }
}
