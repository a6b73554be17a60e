/// An open-addressing map from packed token keys to a `UInt32`, in insertion order. Much cheaper
/// than a `Dictionary` for the millions of lookups an index makes; key 0 marks an empty slot.
struct TermTable {
  private(set) var keys: [UInt64] = []
  private(set) var values: [UInt32] = []
  private var slots: [UInt64]
  private var slotEntries: [Int32]
  /// Where each entry sits in `slots`, so clearing touches only the used slots.
  private var entrySlots: [Int32] = []
  private var mask: Int

  init(capacity: Int = 1024) {
    var size = 16
    while size < capacity * 2 { size *= 2 }
    slots = Array(repeating: 0, count: size)
    slotEntries = Array(repeating: -1, count: size)
    mask = size - 1
  }

  var count: Int { keys.count }

  @inline(__always)
  private func slot(of key: UInt64) -> Int {
    var position = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
    while slots[position] != 0 && slots[position] != key { position = (position + 1) & mask }
    return position
  }

  /// The entry number of `key`, adding it with `initial` when new.
  @inline(__always)
  mutating func entry(for key: UInt64, initial: UInt32 = 0) -> Int {
    let position = slot(of: key)
    if slots[position] == key { return Int(slotEntries[position]) }
    slots[position] = key
    slotEntries[position] = Int32(keys.count)
    entrySlots.append(Int32(position))
    keys.append(key)
    values.append(initial)
    if keys.count * 2 > slots.count { grow() }
    return keys.count - 1
  }

  @inline(__always)
  mutating func add(_ amount: UInt32, to key: UInt64) {
    let index = entry(for: key)
    values[index] &+= amount
  }

  subscript(entry index: Int) -> UInt32 {
    get { values[index] }
    set { values[index] = newValue }
  }

  /// Empties the table, keeping its storage for the next document.
  mutating func removeAll() {
    for position in entrySlots { slots[Int(position)] = 0 }
    entrySlots.removeAll(keepingCapacity: true)
    keys.removeAll(keepingCapacity: true)
    values.removeAll(keepingCapacity: true)
  }

  private mutating func grow() {
    let size = slots.count * 2
    slots = Array(repeating: 0, count: size)
    slotEntries = Array(repeating: -1, count: size)
    mask = size - 1
    for (index, key) in keys.enumerated() {
      let position = slot(of: key)
      slots[position] = key
      slotEntries[position] = Int32(index)
      entrySlots[index] = Int32(position)
    }
  }
}
