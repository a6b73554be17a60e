import ArgumentParser
import Diagnostics
import Foundation
import IntakeServer
import Load
import Logging
import NIOPosix

/// `kirameki-intake serve`: receives the site's form posts and spools each one to disk before
/// answering. Exit status: 0 after a graceful shutdown (SIGTERM, SIGINT); 64 bad command line;
/// 73 the spool folder cannot be created or written; 78 `kirameki.yaml` has errors; 1 the server
/// could not run (for example, the port is taken).
struct ServeCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "serve",
    abstract: "Receive the site's form posts and spool each one to disk before answering.")

  @Option(help: "The spool folder: one JSON file per accepted submission (created when missing).")
  var spool: String

  @Option(help: "The address to listen on.")
  var host = "127.0.0.1"

  @Option(help: "The port to listen on; 0 picks a free one (printed on start).")
  var port = 8080

  @Option(help: "The site root holding kirameki.yaml; its base_url is the origin posts must come from.")
  var root: String?

  @Option(name: .customLong("allowed-origin"), help: "Another origin posts may come from (repeatable).")
  var allowedOrigins: [String] = []

  @Flag(name: .customLong("allow-no-origin"), help: "Accept posts without Origin and Referer headers (scripts).")
  var allowNoOrigin = false

  @Option(name: .customLong("rate-limit"), help: "Submissions per minute from one address; 0 turns the limit off.")
  var rateLimit = 10

  @Option(name: .customLong("max-body"), help: "The largest request body accepted, in bytes.")
  var maxBody = 256 * 1024

  @Flag(name: .customLong("trust-forwarded-for"), help: "Rate-limit by X-Forwarded-For (behind a reverse proxy).")
  var trustForwardedFor = false

  func validate() throws {
    guard (0...65535).contains(port) else { throw ValidationError("--port must be 0…65535") }
    guard rateLimit >= 0 else { throw ValidationError("--rate-limit must be 0 or more") }
    guard maxBody > 0 else { throw ValidationError("--max-body must be positive") }
    for origin in allowedOrigins where OriginCheck.origin(of: origin) == nil {
      throw ValidationError("--allowed-origin '\(origin)' is not an http(s) URL such as https://hub.example.org")
    }
  }

  func run() async throws {
    var siteURL: String?
    if let root {
      let (config, diagnostics) = ConfigLoader.load(root: root, io: .disk)
      if !diagnostics.isEmpty { Self.printError(DiagnosticFormatter.format(diagnostics)) }
      guard let config else { throw ExitCode(78) }
      siteURL = config.baseURL
    }
    let origins = (siteURL.map { [$0] } ?? []) + allowedOrigins
    guard let site = siteURL ?? allowedOrigins.first else {
      throw ValidationError("name the site with --root DIR (its kirameki.yaml base_url) or --allowed-origin URL")
    }
    do {
      try FileManager.default.createDirectory(
        atPath: spool, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
    } catch {
      Self.printError("cannot create the spool folder \(spool): \(error.localizedDescription)")
      throw ExitCode(73)
    }
    let writer = SpoolWriter(folder: spool)
    guard writer.isWritable() else {
      Self.printError("the spool folder \(spool) is not writable")
      throw ExitCode(73)
    }
    writer.removeStaleTemporaryFiles()

    let configuration = ReceiverConfiguration(
      spoolFolder: spool, allowedOrigins: origins, allowsMissingOrigin: allowNoOrigin,
      submissionsPerMinute: rateLimit, maxBodyBytes: maxBody, siteURL: site, trustsForwardedFor: trustForwardedFor)
    let pool = NIOThreadPool(numberOfThreads: 8)
    pool.start()
    var logger = Logger(label: "kirameki-intake")
    logger.logLevel = .notice
    let app = ReceiverApplication.application(
      Receiver(configuration: configuration, blockingPool: pool), host: host, port: port, logger: logger,
      onServerRunning: { [host] port in
        // Tests and the benchmark read this line to learn the port.
        FileHandle.standardOutput.write(Data("kirameki-intake: listening on http://\(host):\(port)\n".utf8))
      })
    do {
      try await app.runService()
    } catch {
      Self.printError("the receiver stopped: \(error)")
      try? await pool.shutdownGracefully()
      throw ExitCode(1)
    }
    try? await pool.shutdownGracefully()
  }

  static func printError(_ text: String) {
    FileHandle.standardError.write(Data(("kirameki-intake: " + text + "\n").utf8))
  }
}
