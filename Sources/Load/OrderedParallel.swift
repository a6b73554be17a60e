import Dispatch
import Foundation

/// Work on every core with results in the input's order, so nothing downstream depends on
/// scheduling. Every stage's parallel work goes through here.
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
    let chunkSize = max(1, (count + workers * 32 - 1) / (workers * 32))
    let chunks = (count + chunkSize - 1) / chunkSize
    guard chunks > 1 else { return [body(0..<count)] }
    let slots = Slots<Result>(count: chunks)
    DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
      slots.store(body((chunk * chunkSize)..<min(count, (chunk + 1) * chunkSize)), at: chunk)
    }
    return slots.values
  }

  /// `body` on consecutive ranges of `size` items (the last may be shorter), in parallel; their
  /// results joined in the order of the ranges.
  public static func batches<Result: Sendable>(
    count: Int, size: Int, _ body: @Sendable (Range<Int>) -> [Result]
  ) -> [Result] {
    let size = max(1, size)
    let tasks = (count + size - 1) / size
    guard tasks > 1 else { return count > 0 ? body(0..<count) : [] }
    let slots = Slots<[Result]>(count: tasks)
    DispatchQueue.concurrentPerform(iterations: tasks) { task in
      slots.store(body((task * size)..<min(count, (task + 1) * size)), at: task)
    }
    return slots.values.flatMap { $0 }
  }

  /// Runs both closures at the same time; returns when both are done. `first` runs on the calling
  /// thread and `second` on another, so either may use `map`, `chunks` or `batches` inside and get
  /// every core: Dispatch runs a parallel loop nested in another one on a single thread.
  public static func concurrently<First, Second: Sendable>(
    _ first: () -> First, _ second: @escaping @Sendable () -> Second
  ) -> (First, Second) {
    let secondSlot = Slots<Second>(count: 1)
    let group = DispatchGroup()
    DispatchQueue.global().async(group: group) { secondSlot.store(second(), at: 0) }
    let firstResult = first()
    group.wait()
    return (firstResult, secondSlot.values[0])
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
