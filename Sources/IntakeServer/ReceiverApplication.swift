import Foundation
import Hummingbird
import Intake
import Logging
import Schema

/// The receiver's routes and its Hummingbird application.
public enum ReceiverApplication {
  public static func router(_ receiver: Receiver) -> Router<IntakeRequestContext> {
    let router = Router(context: IntakeRequestContext.self)
    router.add(
      middleware: ErrorPageMiddleware(
        siteURL: receiver.configuration.siteURL, maxBodyBytes: receiver.configuration.maxBodyBytes))
    router.get("healthz") { _, _ in receiver.health() }
    router.post("forms/:form") { request, context in
      await receiver.receive(request, context: context, formName: context.parameters.get("form") ?? "")
    }
    // Someone who opens the receiver's form URL in a browser is sent to the form on the site.
    router.get("forms/:form") { _, context -> Response in
      let name = context.parameters.get("form") ?? ""
      guard IntakeForms.named(name) != nil else { throw ReceiverError.unknownForm(name) }
      return Response(status: .seeOther, headers: [.location: receiver.configuration.siteURL + "forms/\(name)/"])
    }
    return router
  }

  public static func application(
    _ receiver: Receiver, host: String, port: Int, logger: Logger,
    onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }
  ) -> some ApplicationProtocol {
    Application(
      router: router(receiver),
      configuration: .init(address: .hostname(host, port: port), serverName: "kirameki-intake"),
      onServerRunning: { channel in await onServerRunning(channel.localAddress?.port ?? port) },
      logger: logger)
  }
}

/// Turns every error a route or the router throws into a page in Japanese and English (or JSON),
/// never a stack trace or an empty body.
struct ErrorPageMiddleware: RouterMiddleware {
  typealias Context = IntakeRequestContext
  let siteURL: String
  let maxBodyBytes: Int

  func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
    -> Response
  {
    do {
      return try await next(request, context)
    } catch {
      let language = ReplyLanguage.choose(langField: nil, acceptLanguage: request.headers[.acceptLanguage])
      let failure: ReceiverError
      switch error {
      case let error as ReceiverError: failure = error
      case let error as HTTPError where error.status == .notFound: failure = .noSuchPage
      case let error as HTTPError where error.status == .contentTooLarge: failure = .tooLarge(limit: maxBodyBytes)
      default:
        context.logger.error("unexpected error: \(error)")
        failure = .spoolFailed
      }
      return ReplyFormat(request: request).failure(failure, language: language, siteURL: siteURL)
    }
  }
}
