import Foundation

/// Work spread over every core with results in input order, so output never depends on
/// scheduling. (Search cannot use Pipeline's `parallelMap`: Pipeline depends on Search.)
enum Parallel {
  /// `body` for each of `count` items, `batch` consecutive items per task.
  static func map<Result: Sendable>(
    count: Int, batch: Int = 1, _ body: @Sendable (Range<Int>) -> [Result]
  ) -> [Result] {
    let size = max(1, batch)
    let tasks = (count + size - 1) / size
    guard tasks > 1 else { return count > 0 ? body(0..<count) : [] }
    let box = Slots<[Result]>(count: tasks)
    DispatchQueue.concurrentPerform(iterations: tasks) { task in
      box.store(body((task * size)..<min(count, (task + 1) * size)), at: task)
    }
    return box.values.flatMap { $0 }
  }

  /// Runs both closures at the same time; returns when both are done.
  static func concurrently<First: Sendable, Second: Sendable>(
    _ first: @Sendable () -> First, _ second: @Sendable () -> Second
  ) -> (First, Second) {
    let firstBox = Slots<First>(count: 1)
    let secondBox = Slots<Second>(count: 1)
    DispatchQueue.concurrentPerform(iterations: 2) { task in
      if task == 0 { firstBox.store(first(), at: 0) } else { secondBox.store(second(), at: 0) }
    }
    return (firstBox.values[0], secondBox.values[0])
  }
}

/// Results written from several threads; each slot once, under the lock.
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
