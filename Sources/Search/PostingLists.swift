/// Many growing byte lists in one arena of fixed-size blocks, each list a chain of blocks: no
/// array per token, no copy when a list grows.
struct PostingLists {
  static let blockSize = 32
  private var bytes: [UInt8] = []
  /// The block after each block, -1 at a list's end.
  private var nextBlock: [Int32] = []
  private var heads: [Int32] = []
  private var tails: [Int32] = []
  /// Bytes used in each list's last block.
  private var tailFill: [UInt8] = []

  var count: Int { heads.count }

  /// Adds an empty list; returns its number.
  mutating func appendList() -> Int {
    let block = newBlock()
    heads.append(block)
    tails.append(block)
    tailFill.append(0)
    return heads.count - 1
  }

  private mutating func newBlock() -> Int32 {
    let block = Int32(nextBlock.count)
    nextBlock.append(-1)
    bytes.append(contentsOf: repeatElement(0, count: Self.blockSize))
    return block
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
    var fill = Int(tailFill[list])
    if fill == Self.blockSize {
      let block = newBlock()
      nextBlock[Int(tails[list])] = block
      tails[list] = block
      fill = 0
    }
    bytes[Int(tails[list]) * Self.blockSize + fill] = byte
    tailFill[list] = UInt8(fill + 1)
  }

  /// The bytes of a list's blocks, at least its varints' bytes (a bound for what encoding it takes).
  func storedBytes(of list: Int) -> Int {
    var blocks = 0
    var block = Int(heads[list])
    while block >= 0 {
      blocks += 1
      block = Int(nextBlock[block])
    }
    return blocks * Self.blockSize
  }

  /// Calls `body` with each varint of a list, in order. Read through pointers: the shards' JSON
  /// decodes every posting once more, and slicing the arena per block retained it each time.
  @inline(__always)
  func forEachVarint(of list: Int, _ body: (UInt32) -> Void) {
    let lastFill = Int(tailFill[list])
    var block = Int(heads[list])
    bytes.withUnsafeBufferPointer { bytes in
      nextBlock.withUnsafeBufferPointer { nextBlock in
        var value: UInt32 = 0
        var shift: UInt32 = 0
        while block >= 0 {
          let next = Int(nextBlock[block])
          let start = block * Self.blockSize
          let end = start + (next < 0 ? lastFill : Self.blockSize)
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
          block = next
        }
      }
    }
  }
}
