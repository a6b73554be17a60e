import Foundation
import Synchronization

/// Memory for rendered pages, used again and again: each page's bytes are copied into a large
/// block shared with the pages rendered after it, and a block whose pages have all been written
/// and dropped takes new pages. A page's own buffer was freed on the writer thread, and the
/// allocator handed the next pages memory the kernel had to supply and clear again: at 10k
/// entries about 40 % of the rendered bytes were first touches of fresh pages (`perf record -e
/// page-faults`), which cost 2–15 µs per 4 KiB on this virtual machine.
final class PageMemory: Sendable {
  /// A page larger than an eighth of this is copied into memory of its own.
  static let blockSize = 1 << 20

  private let state = Mutex(State())

  private struct State: ~Copyable {
    /// The block new pages go into, and how much of it they fill.
    var current: Block?
    var used = 0
    /// Blocks no page uses any more, ready to take new ones.
    var spare: [Memory] = []
    var allocated = 0
  }

  /// One block's memory; only the thread that reserved a range writes into it.
  private struct Memory: @unchecked Sendable {
    let base: UnsafeMutableRawPointer
  }

  /// A block in use: every page copied into it holds it, so it returns to `spare` when the last
  /// of them is dropped (or is freed, when the pool is gone by then).
  private final class Block: Sendable {
    let memory: Memory
    weak let owner: PageMemory?

    init(memory: Memory, owner: PageMemory) {
      self.memory = memory
      self.owner = owner
    }

    deinit {
      if let owner {
        owner.state.withLock { $0.spare.append(memory) }
      } else {
        memory.base.deallocate()
      }
    }
  }

  deinit {
    state.withLock { state in
      for memory in state.spare { memory.base.deallocate() }
      state.spare = []
    }
  }

  /// How many blocks were allocated so far.
  var blocksAllocated: Int { state.withLock { $0.allocated } }

  /// `bytes` as `Data` whose storage is a block of this pool.
  func data(copying bytes: UnsafeRawBufferPointer) -> Data {
    guard let source = bytes.baseAddress, bytes.count > 0, bytes.count <= Self.blockSize / 8 else {
      return Data(bytes)
    }
    let (block, offset) = state.withLock { state -> (Block, Int) in
      if let current = state.current, state.used + bytes.count <= Self.blockSize {
        defer { state.used += bytes.count }
        return (current, state.used)
      }
      let memory: Memory
      if let spare = state.spare.popLast() {
        memory = spare
      } else {
        memory = Memory(base: .allocate(byteCount: Self.blockSize, alignment: 16))
        state.allocated += 1
      }
      let block = Block(memory: memory, owner: self)
      state.current = block
      state.used = bytes.count
      return (block, 0)
    }
    let start = block.memory.base + offset
    start.copyMemory(from: source, byteCount: bytes.count)
    return Data(bytesNoCopy: start, count: bytes.count, deallocator: .custom { _, _ in _ = block })
  }
}
