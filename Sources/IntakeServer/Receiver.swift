import Foundation
import HTTPTypes
import Hummingbird
import Intake
import NIOCore
import NIOPosix
import Schema

/// Accepts a form post: checks it, spools it durably, and only then answers.
public struct Receiver: Sendable {
  public let configuration: ReceiverConfiguration
  let limiter: RateLimiter
  let spool: SpoolWriter
  /// Blocking file work (write, fsync, link) runs here, off the request tasks' threads.
  let blockingPool: NIOThreadPool
  let now: @Sendable () -> Date

  public init(
    configuration: ReceiverConfiguration, blockingPool: NIOThreadPool = .singleton,
    now: @escaping @Sendable () -> Date = { Date() }
  ) {
    self.configuration = configuration
    self.limiter = RateLimiter(perMinute: configuration.submissionsPerMinute)
    self.spool = SpoolWriter(folder: configuration.spoolFolder)
    self.blockingPool = blockingPool
    self.now = now
  }

  /// `POST /forms/<form>`.
  public func receive(_ request: Request, context: IntakeRequestContext, formName: String) async -> Response {
    let reply = ReplyFormat(request: request)
    var language = ReplyLanguage.choose(langField: nil, acceptLanguage: request.headers[.acceptLanguage])
    do {
      let fields = try await checkedFields(request, context: context, formName: formName)
      let field = { (name: String) in fields.first { $0.name == name }?.value }
      language = ReplyLanguage.choose(
        langField: field(IntakeFieldName.language), acceptLanguage: request.headers[.acceptLanguage])
      let time = ReceiptTime(now())
      let id = SubmissionID.make(date: time.compactDate)
      if let trap = field(IntakeFieldName.honeypot), !trap.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
        // A bot filled the hidden field: answer as if accepted, so it learns nothing, but keep nothing.
        context.logger.notice("honeypot filled; submission dropped", metadata: ["form": "\(formName)"])
        return reply.success(id: id, language: language, siteURL: configuration.siteURL)
      }
      guard let consent = field(IntakeFieldName.consent), !consent.isEmpty else { throw ReceiverError.missingConsent }
      let record = SpoolRecord(
        id: id, form: formName, receivedAt: time.iso, contentType: reply.mediaType(request), fields: fields)
      do {
        let spool = self.spool
        _ = try await blockingPool.runIfActive { try spool.write(record) }
      } catch {
        context.logger.error("could not spool a submission: \(error)", metadata: ["form": "\(formName)"])
        throw ReceiverError.spoolFailed
      }
      return reply.success(id: id, language: language, siteURL: configuration.siteURL)
    } catch let error as ReceiverError {
      return reply.failure(error, language: language, siteURL: configuration.siteURL)
    } catch {
      context.logger.error("unexpected error: \(error)")
      return reply.failure(.spoolFailed, language: language, siteURL: configuration.siteURL)
    }
  }

  /// Runs every check that comes before spooling, cheapest first, and returns the fields.
  func checkedFields(_ request: Request, context: IntakeRequestContext, formName: String) async throws -> [SpoolField] {
    guard let form = IntakeForms.named(formName) else { throw ReceiverError.unknownForm(formName) }
    guard limiter.allow(clientKey(request, context), now: ProcessInfo.processInfo.systemUptime) else {
      throw ReceiverError.tooManyRequests(retryAfter: limiter.secondsUntilNextToken())
    }
    switch OriginCheck.verdict(
      origin: request.headers[.origin], referer: request.headers[.referer], allowed: configuration.allowedOrigins,
      allowsMissing: configuration.allowsMissingOrigin)
    {
    case .allowed: break
    case .missing: throw ReceiverError.missingOrigin
    case .foreign: throw ReceiverError.foreignOrigin
    }
    guard let format = SubmissionParser.format(contentType: request.headers[.contentType]) else {
      throw ReceiverError.unsupportedMediaType
    }
    let limit = configuration.maxBodyBytes
    if let length = request.headers[.contentLength].flatMap(Int.init), length > limit {
      throw ReceiverError.tooLarge(limit: limit)
    }
    let body: ByteBuffer
    do {
      body = try await request.body.collect(upTo: limit)
    } catch is NIOTooManyBytesError {
      throw ReceiverError.tooLarge(limit: limit)
    }
    do {
      return try SubmissionParser.parse(Data(body.readableBytesView), format: format, form: form)
    } catch {
      throw ReceiverError.badSubmission(error)
    }
  }

  /// The address a rate limit applies to.
  func clientKey(_ request: Request, _ context: IntakeRequestContext) -> String {
    if configuration.trustsForwardedFor, let forwarded = request.headers[HeaderNames.forwardedFor],
      let last = forwarded.split(separator: ",").last?.trimmingCharacters(in: .whitespaces), !last.isEmpty
    {
      return last
    }
    return context.remoteAddress?.ipAddress ?? "unknown"
  }

  /// `GET /healthz`: 200 while the spool folder is writable, else 503.
  public func health() -> Response {
    let writable = spool.isWritable()
    let body = #"{"spool_writable":\#(writable),"status":"\#(writable ? "ok" : "unavailable")"}"#
    return Response(
      status: writable ? .ok : .serviceUnavailable,
      headers: [.contentType: "application/json", .cacheControl: "no-store"],
      body: .init(byteBuffer: ByteBuffer(string: body)))
  }
}
