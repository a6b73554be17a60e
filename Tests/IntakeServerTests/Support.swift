import Foundation
import Hummingbird
import HummingbirdTesting
import Intake
import NIOCore

@testable import IntakeServer

let siteOrigin = "https://hub.example.org"

func temporaryFolder() throws -> String {
  let url = FileManager.default.temporaryDirectory.appendingPathComponent("kirameki-intake-\(UUID().uuidString)")
  try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  return url.path
}

/// A receiver on a fresh spool folder, driven through Hummingbird's router test client.
struct TestReceiver {
  let spool: String
  let receiver: Receiver

  init(
    perMinute: Int = 100, maxBody: Int = 256 * 1024, allowsMissingOrigin: Bool = false, spool: String? = nil
  ) throws {
    self.spool = try spool ?? temporaryFolder()
    receiver = Receiver(
      configuration: ReceiverConfiguration(
        spoolFolder: self.spool, allowedOrigins: [siteOrigin + "/"], allowsMissingOrigin: allowsMissingOrigin,
        submissionsPerMinute: perMinute, maxBodyBytes: maxBody, siteURL: siteOrigin + "/"))
  }

  func run(_ test: @escaping @Sendable (any TestClientProtocol) async throws -> Void) async throws {
    let app = Application(router: ReceiverApplication.router(receiver))
    try await app.test(.router, test)
  }

  /// Names of the record files in the spool.
  func records() throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: spool).filter { !$0.hasPrefix(".") && $0.hasSuffix(".json") }
      .sorted()
  }

  func allFiles() throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: spool).sorted()
  }

  func record(_ name: String) throws -> SpoolRecord {
    try JSONDecoder().decode(SpoolRecord.self, from: Data(contentsOf: URL(fileURLWithPath: spool + "/" + name)))
  }
}

func formHeaders(origin: String? = siteOrigin, language: String? = nil) -> HTTPFields {
  var headers: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]
  if let origin { headers[.origin] = origin }
  if let language { headers[.acceptLanguage] = language }
  return headers
}

func body(_ text: String) -> ByteBuffer { ByteBuffer(string: text) }

func text(_ response: TestResponse) -> String { String(buffer: response.body) }

let validNeed =
  "title=%E5%86%85%E8%A6%96%E9%8F%A1%E3%81%AE%E6%9B%87%E3%82%8A&summary=a+b&tech_areas=laser&tech_areas=optics"
  + "&lang=ja&consent=yes&website="
