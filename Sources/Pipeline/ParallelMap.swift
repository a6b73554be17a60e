import Foundation

extension Array where Element: Sendable {
  /// Maps on every core; the result keeps the input's order, so output does not depend on
  /// scheduling.
  func parallelMap<Result: Sendable>(_ transform: @escaping @Sendable (Element) -> Result) -> [Result] {
    guard count > 1 else { return map(transform) }
    let box = ResultBox<Result>(count: count)
    let items = self
    let workers = ProcessInfo.processInfo.activeProcessorCount
    let chunkSize = Swift.max(1, (count + workers * 8 - 1) / (workers * 8))
    let chunks = (count + chunkSize - 1) / chunkSize
    DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
      let range = (chunk * chunkSize)..<Swift.min(items.count, (chunk + 1) * chunkSize)
      let results = range.map { transform(items[$0]) }
      box.store(results, at: range.lowerBound)
    }
    return box.values
  }
}

/// Collects results written from several threads; each slot is written once, under the lock.
private final class ResultBox<Value: Sendable>: @unchecked Sendable {
  private var storage: [Value?]
  private let lock = NSLock()

  init(count: Int) {
    storage = Array(repeating: nil, count: count)
  }

  func store(_ values: [Value], at start: Int) {
    lock.withLock {
      for (offset, value) in values.enumerated() {
        storage[start + offset] = value
      }
    }
  }

  var values: [Value] {
    lock.withLock { storage.compactMap { $0 } }
  }
}
