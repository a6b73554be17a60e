import Hummingbird
import NIOCore

/// The request context of the receiver: Hummingbird's basics plus the client's address, which
/// the rate limit is keyed on.
public struct IntakeRequestContext: RequestContext, RemoteAddressRequestContext {
  public var coreContext: CoreRequestContextStorage
  public let remoteAddress: SocketAddress?

  public init(source: ApplicationRequestContextSource) {
    self.coreContext = .init(source: source)
    self.remoteAddress = source.channel.remoteAddress
  }
}
