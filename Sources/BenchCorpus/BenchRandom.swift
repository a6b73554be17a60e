/// SplitMix64: turns a seed into well-mixed 64-bit words; used to seed `BenchRandom`.
struct SplitMix64 {
  var state: UInt64

  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}

/// The corpus's own PRNG (xoshiro256**), so the output never depends on Swift's `random` or
/// `hashValue`. Every document draws from its own stream, derived from the seed, a purpose and the
/// document's index: documents can be generated in any order, on any number of threads, and come
/// out byte-identical.
struct BenchRandom {
  private var s0: UInt64
  private var s1: UInt64
  private var s2: UInt64
  private var s3: UInt64

  /// Independent streams of one seed.
  enum Stream: UInt64 {
    case plan = 1
    case document = 2
    case translation = 3
    case needles = 4
  }

  init(seed: UInt64, stream: Stream, index: Int = 0, attempt: Int = 0) {
    var mixer = SplitMix64(state: seed)
    var key = mixer.next()
    for word in [stream.rawValue, UInt64(truncatingIfNeeded: index), UInt64(truncatingIfNeeded: attempt)] {
      var step = SplitMix64(state: key ^ (word &* 0xD1B5_4A32_D192_ED03))
      key = step.next()
    }
    var seeder = SplitMix64(state: key)
    s0 = seeder.next()
    s1 = seeder.next()
    s2 = seeder.next()
    s3 = seeder.next()
    if s0 | s1 | s2 | s3 == 0 { s0 = 1 }
  }

  mutating func next() -> UInt64 {
    let result = ((s1 &* 5) << 7 | (s1 &* 5) >> 57) &* 9
    let t = s1 << 17
    s2 ^= s0
    s3 ^= s1
    s1 ^= s2
    s0 ^= s3
    s2 ^= t
    s3 = s3 << 45 | s3 >> 19
    return result
  }

  /// A number in `0..<bound` (0 when the bound is not positive).
  mutating func below(_ bound: Int) -> Int {
    guard bound > 1 else {
      _ = next()
      return 0
    }
    return Int(UInt64(bound).multipliedFullWidth(by: next()).high)
  }

  mutating func int(_ range: ClosedRange<Int>) -> Int {
    range.lowerBound + below(range.upperBound - range.lowerBound + 1)
  }

  /// True with the given probability in percent.
  mutating func percent(_ chance: Int) -> Bool {
    below(100) < chance
  }

  /// True with the given probability in per mille.
  mutating func permille(_ chance: Int) -> Bool {
    below(1000) < chance
  }

  /// An element of a non-empty collection; callers check emptiness where the data is not static.
  mutating func pick<C: RandomAccessCollection>(_ items: C) -> C.Element where C.Index == Int {
    items[items.startIndex + below(items.count)]
  }

  /// Up to `count` distinct indices of `0..<total`, in the order drawn.
  mutating func distinct(_ count: Int, of total: Int) -> [Int] {
    var pool = Array(0..<total)
    var result: [Int] = []
    for _ in 0..<min(count, total) {
      let index = below(pool.count)
      result.append(pool.remove(at: index))
    }
    return result
  }

  mutating func shuffle<T>(_ items: inout [T]) {
    guard items.count > 1 else { return }
    for i in stride(from: items.count - 1, to: 0, by: -1) {
      items.swapAt(i, below(i + 1))
    }
  }
}

/// Picks by integer weights, from a precomputed cumulative table.
struct WeightedChoice: Sendable {
  private let cumulative: [Int]

  init(weights: [Int]) {
    var total = 0
    cumulative = weights.map {
      total += max(0, $0)
      return total
    }
  }

  var isEmpty: Bool { (cumulative.last ?? 0) == 0 }

  func pick(_ random: inout BenchRandom) -> Int {
    let target = random.below(cumulative.last ?? 0)
    var low = 0
    var high = cumulative.count - 1
    while low < high {
      let middle = (low + high) / 2
      if cumulative[middle] > target { high = middle } else { low = middle + 1 }
    }
    return low
  }
}
