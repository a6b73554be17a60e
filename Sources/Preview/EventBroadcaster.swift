import Foundation
import Synchronization

/// Hands every new build generation to each open event stream.
final class EventBroadcaster: Sendable {
  private let subscribers = Mutex<[UUID: AsyncStream<Int>.Continuation]>([:])

  func subscribe() -> AsyncStream<Int> {
    let (stream, continuation) = AsyncStream.makeStream(of: Int.self, bufferingPolicy: .bufferingNewest(8))
    let id = UUID()
    subscribers.withLock { $0[id] = continuation }
    continuation.onTermination = { [weak self] _ in
      _ = self?.subscribers.withLock { $0.removeValue(forKey: id) }
    }
    return stream
  }

  func publish(_ generation: Int) {
    for continuation in subscribers.withLock({ Array($0.values) }) { continuation.yield(generation) }
  }

  /// Ends every stream, so their responses finish when the server stops.
  func finishAll() {
    for continuation in subscribers.withLock({ Array($0.values) }) { continuation.finish() }
  }

  /// One Server-Sent Event announcing a generation.
  static func event(_ generation: Int) -> String {
    "id: \(generation)\nevent: reload\ndata: \(generation)\n\n"
  }
}
