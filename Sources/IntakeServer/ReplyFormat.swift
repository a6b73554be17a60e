import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// Whether the client gets HTML pages (browsers) or JSON (scripts that posted JSON or asked for it).
struct ReplyFormat: Sendable {
  let json: Bool

  init(request: Request) {
    let contentType = request.headers[.contentType]?.lowercased() ?? ""
    let accept = request.headers[.accept]?.lowercased() ?? ""
    json =
      contentType.hasPrefix("application/json")
      || (accept.contains("application/json") && !accept.contains("text/html"))
  }

  func mediaType(_ request: Request) -> String {
    let contentType = request.headers[.contentType] ?? ""
    return contentType.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
  }

  func success(id: String, language: ReplyLanguage, siteURL: String) -> Response {
    if json {
      return Self.response(.created, type: "application/json", body: JSONReply(id: id).text)
    }
    return Self.response(
      .ok, type: "text/html; charset=utf-8", body: ReplyPages.success(id: id, language: language, siteURL: siteURL))
  }

  func failure(_ error: ReceiverError, language: ReplyLanguage, siteURL: String) -> Response {
    var response: Response
    if json {
      let body = JSONReply(
        error: error.code, status: error.status.code, message: error.message(.en), messageJa: error.message(.ja)
      ).text
      response = Self.response(error.status, type: "application/json", body: body)
    } else {
      response = Self.response(
        error.status, type: "text/html; charset=utf-8",
        body: ReplyPages.error(error, language: language, siteURL: siteURL))
    }
    if case .tooManyRequests(let seconds) = error { response.headers[.retryAfter] = String(seconds) }
    return response
  }

  static func response(_ status: HTTPResponse.Status, type: String, body: String) -> Response {
    Response(
      status: status,
      headers: [
        .contentType: type, .cacheControl: "no-store", HeaderNames.contentTypeOptions: "nosniff",
        .contentSecurityPolicy: "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'",
        HeaderNames.referrerPolicy: "no-referrer",
      ],
      body: .init(byteBuffer: ByteBuffer(string: body)))
  }
}

/// The JSON replies.
struct JSONReply: Encodable {
  var id: String?
  var error: String?
  var status: Int?
  var message: String?
  var messageJa: String?

  enum CodingKeys: String, CodingKey {
    case id, error, status, message
    case messageJa = "message_ja"
  }

  var text: String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    return (try? encoder.encode(self)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
  }
}
