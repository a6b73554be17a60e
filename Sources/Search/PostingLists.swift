/// Many growing byte lists in one arena of blocks, each list a chain of blocks: no array per
/// token, no copy when a list grows. A list's blocks grow with it (each a quarter of what the list
/// already holds, from `smallestBlock` to `largestBlock`), so reading a long list jumps from block
/// to block a few hundred times instead of once every 32 bytes: at 100k entries those jumps were
/// cache misses that made encoding the shards grow faster than the corpus.
struct PostingLists {
  /// Blocks start on multiples of this, and are numbered by it.
  static let smallestBlock = 32
  static let largestBlock = 1024
  private var bytes: [UInt8] = []
  /// The block after each block, by the number of the block's first unit; -1 at a list's end.
  private var nextBlock: [Int32] = []
  private var heads: [Int32] = []
  /// Each list's last block, together: appending to a list reads one cache line of them.
  private var tails: [Tail] = []
  /// Bytes in each list's blocks, used or not.
  private var stored: [UInt32] = []

  struct Tail {
    var block: Int32
    /// Bytes used in the block, and its size.
    var fill: UInt16
    var size: UInt16
  }

  var count: Int { heads.count }

  /// Adds an empty list; returns its number.
  mutating func appendList() -> Int {
    let block = newBlock(size: Self.smallestBlock)
    heads.append(block)
    tails.append(Tail(block: block, fill: 0, size: UInt16(Self.smallestBlock)))
    stored.append(UInt32(Self.smallestBlock))
    return heads.count - 1
  }

  private mutating func newBlock(size: Int) -> Int32 {
    let block = Int32(nextBlock.count)
    nextBlock.append(contentsOf: repeatElement(-1, count: size / Self.smallestBlock))
    bytes.append(contentsOf: repeatElement(0, count: size))
    return block
  }

  /// The size of the block after `stored` bytes of blocks: a multiple of the smallest.
  static func blockSize(after stored: Int) -> Int {
    min(largestBlock, max(smallestBlock, stored / 4 / smallestBlock * smallestBlock))
  }

  /// Appends `value` as a little-endian base-128 varint.
  @inline(__always)
  mutating func appendVarint(_ value: UInt32, to list: Int) {
    var rest = value
    while rest >= 0x80 {
      append(UInt8(truncatingIfNeeded: rest) | 0x80, to: list)
      rest >>= 7
    }
    append(UInt8(rest), to: list)
  }

  @inline(__always)
  private mutating func append(_ byte: UInt8, to list: Int) {
    var tail = tails[list]
    if tail.fill == tail.size {
      let size = Self.blockSize(after: Int(stored[list]))
      let block = newBlock(size: size)
      nextBlock[Int(tail.block)] = block
      tail = Tail(block: block, fill: 0, size: UInt16(size))
      stored[list] += UInt32(size)
    }
    bytes[Int(tail.block) * Self.smallestBlock + Int(tail.fill)] = byte
    tail.fill += 1
    tails[list] = tail
  }

  /// The bytes of a list's blocks, at least its varints' bytes (a bound for what encoding it takes).
  func storedBytes(of list: Int) -> Int {
    Int(stored[list])
  }

  /// The number of blocks in a list's chain.
  func blockCount(of list: Int) -> Int {
    var blocks = 0
    var block = Int(heads[list])
    while block >= 0 {
      blocks += 1
      block = Int(nextBlock[block])
    }
    return blocks
  }

  /// Calls `body` with each varint of a list, in order, finding each block's size as `append`
  /// chose it. Read through pointers: the shard encoder reads every posting once more, and
  /// slicing the arena per block retained it each time.
  @inline(__always)
  func forEachVarint(of list: Int, _ body: (UInt32) -> Void) {
    let lastFill = Int(tails[list].fill)
    var size = Self.smallestBlock
    var held = 0
    var block = Int(heads[list])
    bytes.withUnsafeBufferPointer { bytes in
      nextBlock.withUnsafeBufferPointer { nextBlock in
        var value: UInt32 = 0
        var shift: UInt32 = 0
        while block >= 0 {
          let next = Int(nextBlock[block])
          let start = block * Self.smallestBlock
          let end = start + (next < 0 ? lastFill : size)
          for offset in start..<end {
            let byte = bytes[offset]
            value |= UInt32(byte & 0x7F) << shift
            if byte < 0x80 {
              body(value)
              value = 0
              shift = 0
            } else {
              shift += 7
            }
          }
          held += size
          size = Self.blockSize(after: held)
          block = next
        }
      }
    }
  }
}
