import Dispatch
import Foundation

/// Maps on every core in a few chunks per core; results keep the input's order, so nothing
/// downstream depends on scheduling.
public enum OrderedParallel {
  public static func map<Element: Sendable, Result: Sendable>(
    _ items: [Element], _ transform: @Sendable (Element) -> Result
  ) -> [Result] {
    guard items.count > 1 else { return items.map(transform) }
    return chunks(count: items.count) { range in range.map { transform(items[$0]) } }.flatMap { $0 }
  }

  /// Splits `0..<count` into consecutive ranges, runs `body` on each (in parallel) and returns
  /// their results in the order of the ranges. Lets a chunk reuse scratch space across its items.
  public static func chunks<Result: Sendable>(count: Int, _ body: @Sendable (Range<Int>) -> Result) -> [Result] {
    guard count > 0 else { return [] }
    let workers = ProcessInfo.processInfo.activeProcessorCount
    let chunkSize = max(1, (count + workers * 8 - 1) / (workers * 8))
    let chunks = (count + chunkSize - 1) / chunkSize
    guard chunks > 1 else { return [body(0..<count)] }
    let slots = Slots<Result>(count: chunks)
    DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
      slots.store(body((chunk * chunkSize)..<min(count, (chunk + 1) * chunkSize)), at: chunk)
    }
    return slots.values
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
