import Foundation
import Synchronization

/// A token bucket per client address: each address may post `perMinute` submissions in a burst,
/// and earns them back at `perMinute` a minute. Owned by the application; safe to share between
/// concurrent requests.
public final class RateLimiter: Sendable {
  struct Bucket {
    var tokens: Double
    var updated: Double
  }

  let capacity: Double
  let refillPerSecond: Double
  /// Buckets beyond this many are pruned (full ones first), so a flood of addresses cannot grow memory.
  let maxBuckets: Int
  private let buckets = Mutex<[String: Bucket]>([:])

  public init(perMinute: Int, maxBuckets: Int = 100_000) {
    self.capacity = Double(max(perMinute, 0))
    self.refillPerSecond = Double(max(perMinute, 0)) / 60
    self.maxBuckets = maxBuckets
  }

  public var isEnabled: Bool { capacity > 0 }

  /// Takes a token for `key` at `now` (seconds on a monotonic clock); false when the bucket is empty.
  public func allow(_ key: String, now: Double) -> Bool {
    guard isEnabled else { return true }
    return buckets.withLock { buckets in
      var bucket = buckets[key] ?? Bucket(tokens: capacity, updated: now)
      bucket.tokens = min(capacity, bucket.tokens + max(0, now - bucket.updated) * refillPerSecond)
      bucket.updated = now
      let allowed = bucket.tokens >= 1
      if allowed { bucket.tokens -= 1 }
      buckets[key] = bucket
      if buckets.count > maxBuckets { prune(&buckets, now: now) }
      return allowed
    }
  }

  /// Seconds an empty bucket takes to earn one token back, for a `Retry-After` header.
  public func secondsUntilNextToken() -> Int {
    guard refillPerSecond > 0 else { return 60 }
    return Int((1 / refillPerSecond).rounded(.up))
  }

  private func prune(_ buckets: inout [String: Bucket], now: Double) {
    buckets = buckets.filter { min(capacity, $0.value.tokens + (now - $0.value.updated) * refillPerSecond) < capacity }
    if buckets.count > maxBuckets { buckets.removeAll() }
  }
}
