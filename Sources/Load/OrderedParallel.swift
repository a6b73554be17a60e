import Dispatch
import Foundation

/// Maps on every core in a few chunks per core; the result keeps the input's order, so nothing
/// downstream depends on scheduling.
enum OrderedParallel {
  static func map<Element: Sendable, Result: Sendable>(
    _ items: [Element], _ transform: @Sendable (Element) -> Result
  ) -> [Result] {
    guard items.count > 1 else { return items.map(transform) }
    let workers = ProcessInfo.processInfo.activeProcessorCount
    let chunkSize = max(1, (items.count + workers * 8 - 1) / (workers * 8))
    let chunks = (items.count + chunkSize - 1) / chunkSize
    let slots = Slots<[Result]>(count: chunks)
    DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
      let range = (chunk * chunkSize)..<min(items.count, (chunk + 1) * chunkSize)
      slots.store(range.map { transform(items[$0]) }, at: chunk)
    }
    return slots.values.flatMap { $0 }
  }
}

/// One slot per chunk, each written once under the lock.
private final class Slots<Value: Sendable>: @unchecked Sendable {
  private var storage: [Value?]
  private let lock = NSLock()

  init(count: Int) {
    storage = Array(repeating: nil, count: count)
  }

  func store(_ value: Value, at index: Int) {
    lock.withLock { storage[index] = value }
  }

  var values: [Value] {
    lock.withLock { storage.compactMap { $0 } }
  }
}
