import Emit
import Foundation
import Render

/// Writes batches of files into a staged site on a thread of its own, in the order they come,
/// while the caller renders the next ones. At most `capacity` batches wait, so memory holds the
/// batch being written, those waiting and the one being rendered.
///
/// Rendering a batch and writing the one before it take about as long, but never exactly: when
/// the two took turns in lock step, whichever finished first left its core idle until the other
/// was done (at 10k entries ~10 % of the render stage).
final class BatchWriter: @unchecked Sendable {
  private let site: StagedSite
  private let capacity: Int
  /// Guards every property below.
  private let condition = NSCondition()
  private var waiting: [[OutputFile]] = []
  /// No batch will come any more.
  private var closed = false
  private var failure: (any Error)?
  private var busySeconds = 0.0
  /// A batch has been taken and is being written.
  private var writing = false
  private let finished = DispatchSemaphore(value: 0)

  init(site: StagedSite, capacity: Int = 1) {
    self.site = site
    self.capacity = Swift.max(1, capacity)
    // A thread, not a dispatch worker: it blocks while waiting for batches.
    Thread { [self] in run() }.start()
  }

  /// Queues a batch, waiting while `capacity` batches wait already. Ignored once writing failed.
  func write(_ files: [OutputFile]) {
    condition.lock()
    defer { condition.unlock() }
    while waiting.count >= capacity && failure == nil { condition.wait() }
    guard failure == nil, !closed else { return }
    waiting.append(files)
    condition.broadcast()
  }

  /// Waits until every batch queued so far is written (or writing failed); more may follow.
  func waitUntilWritten() {
    condition.lock()
    defer { condition.unlock() }
    while (!waiting.isEmpty || writing) && failure == nil { condition.wait() }
  }

  /// The error of the batch that failed, if one did.
  var error: (any Error)? {
    condition.lock()
    defer { condition.unlock() }
    return failure
  }

  /// Waits until every queued batch is written (or writing failed); the error and the seconds
  /// spent writing.
  func finish() -> (error: (any Error)?, seconds: Double) {
    close(dropping: false)
    return (error, seconds)
  }

  /// Drops the batches still waiting and waits for the one being written.
  func cancel() {
    close(dropping: true)
  }

  private var seconds: Double {
    condition.lock()
    defer { condition.unlock() }
    return busySeconds
  }

  private func close(dropping: Bool) {
    condition.lock()
    let first = !closed
    closed = true
    if dropping { waiting = [] }
    condition.broadcast()
    condition.unlock()
    if first { finished.wait() }
  }

  private func run() {
    while let batch = next() {
      let started = ContinuousClock.now
      var failed: (any Error)?
      do { try site.add(batch) } catch { failed = error }
      condition.lock()
      writing = false
      busySeconds += StageClock.seconds(ContinuousClock.now - started)
      if let failed {
        failure = failed
        waiting = []
      }
      condition.broadcast()
      condition.unlock()
    }
    finished.signal()
  }

  /// The next batch to write; nil once closed and nothing waits.
  private func next() -> [OutputFile]? {
    condition.lock()
    defer { condition.unlock() }
    while waiting.isEmpty && !closed { condition.wait() }
    guard !waiting.isEmpty else { return nil }
    writing = true
    condition.broadcast()
    return waiting.removeFirst()
  }
}
