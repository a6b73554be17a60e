import Foundation
import Intake
import Testing

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// Starts the real `kirameki-intake serve`, posts submissions from several clients at once,
/// kills it with SIGKILL in the middle, and checks the spool: every acknowledged submission is
/// a complete record, and nothing else passes for one.
@Suite(.serialized) struct CrashTests {
  @Test func killDashNineLosesNoAcknowledgedSubmission() async throws {
    let binary = try Binaries.require("kirameki-intake")
    let spool = try temporaryFolder() + "/spool"
    let server = Process()
    server.executableURL = URL(fileURLWithPath: binary)
    server.arguments = [
      "serve", "--spool", spool, "--port", "0", "--rate-limit", "0", "--allowed-origin", siteOrigin,
    ]
    let output = Pipe()
    server.standardOutput = output
    server.standardError = FileHandle.nullDevice
    try server.run()
    defer { if server.isRunning { kill(server.processIdentifier, SIGKILL) } }
    let port = try #require(Self.port(from: output.fileHandleForReading), "the receiver printed no port")

    let acknowledged = Acknowledged()
    let killAfter = 150
    let session = URLSession(configuration: .ephemeral)
    await withTaskGroup(of: Void.self) { group in
      for client in 0..<6 {
        group.addTask {
          for number in 0..<1000 {
            guard let id = await Self.post(session, port: port, title: "c\(client)-n\(number)") else { return }
            if await acknowledged.add(id) == killAfter { kill(server.processIdentifier, SIGKILL) }
          }
        }
      }
    }
    server.waitUntilExit()
    #expect(server.terminationReason == .uncaughtSignal, "the receiver was killed, not stopped")

    let ids = await acknowledged.ids
    #expect(ids.count >= killAfter)
    let names = try FileManager.default.contentsOfDirectory(atPath: spool)
    let recordNames = names.filter { !$0.hasPrefix(".") && $0.hasSuffix(".json") }
    // Anything else may only be a temporary file, which convert must skip.
    for name in names where !recordNames.contains(name) {
      #expect(name.hasPrefix(".") && name.hasSuffix(".tmp"), "unexpected file \(name)")
    }
    var spooled: [String: SpoolRecord] = [:]
    for name in recordNames {
      let data = try Data(contentsOf: URL(fileURLWithPath: spool + "/" + name))
      let record = try JSONDecoder().decode(SpoolRecord.self, from: data)
      spooled[record.id] = record
    }
    let missing = ids.filter { spooled[$0] == nil }
    #expect(missing.isEmpty, "acknowledged but not in the spool: \(missing)")
    // Requests in flight at the kill may be spooled without an answer, never the other way round.
    #expect(spooled.count >= ids.count)
    for id in ids { #expect(spooled[id]?.fields.first { $0.name == "title" } != nil) }
  }

  actor Acknowledged {
    var ids: [String] = []
    func add(_ id: String) -> Int {
      ids.append(id)
      return ids.count
    }
  }

  /// Posts one JSON submission; its id when the receiver acknowledged it, nil once it is gone.
  static func post(_ session: URLSession, port: Int, title: String) async -> String? {
    guard let url = URL(string: "http://127.0.0.1:\(port)/forms/need") else { return nil }
    var request = URLRequest(url: url)
    request.httpMethod = "POST"
    request.setValue("application/json", forHTTPHeaderField: "Content-Type")
    request.setValue(siteOrigin, forHTTPHeaderField: "Origin")
    request.httpBody = Data(#"{"title":"\#(title)","tech_areas":["laser"],"consent":"yes"}"#.utf8)
    request.timeoutInterval = 5
    guard let (data, response) = try? await session.data(for: request),
      (response as? HTTPURLResponse)?.statusCode == 201,
      let reply = try? JSONDecoder().decode([String: String].self, from: data)
    else { return nil }
    return reply["id"]
  }

  /// Reads the "listening on http://host:port" line.
  static func port(from handle: FileHandle) -> Int? {
    var text = ""
    let deadline = Date().addingTimeInterval(20)
    while Date() < deadline {
      let chunk = handle.availableData
      if chunk.isEmpty { return nil }
      text += String(decoding: chunk, as: UTF8.self)
      if let line = text.split(separator: "\n").first(where: { $0.contains("listening on") }),
        let port = line.split(separator: ":").last.flatMap({ Int($0.trimmingCharacters(in: .whitespaces)) })
      {
        return port
      }
    }
    return nil
  }
}
