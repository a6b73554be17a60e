import Foundation
import Load
import Testing

@testable import Render

@Suite struct PageMemoryTests {
  static func page(_ number: Int, size: Int) -> [UInt8] {
    (0..<size).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ number) }
  }

  static func address(of data: Data) -> UnsafeRawPointer? {
    data.withUnsafeBytes { $0.baseAddress }
  }

  @Test func pagesKeepTheirBytesAcrossBlocks() {
    let memory = PageMemory()
    // 40 KB pages: a 1 MiB block holds 26, so these fill several blocks.
    let pages = (0..<100).map { Self.page($0, size: 40_000) }
    let stored = pages.map { bytes in bytes.withUnsafeBytes(memory.data(copying:)) }
    for (bytes, data) in zip(pages, stored) { #expect(data == Data(bytes)) }
    #expect(memory.blocksAllocated == 4)
    // Consecutive pages share a block, one after the other.
    let first = Self.address(of: stored[0])
    #expect(first.map { $0 + 40_000 } == Self.address(of: stored[1]))
  }

  @Test func aBlockIsUsedAgainOnceItsPagesAreDropped() {
    let memory = PageMemory()
    let size = PageMemory.blockSize / 8
    var batch: [Data]? = (0..<8).map { Self.page($0, size: size).withUnsafeBytes(memory.data(copying:)) }
    let firstBlock = batch.map { Self.address(of: $0[0]) } ?? nil
    // The next page opens a second block; the first is handed back when its pages are dropped.
    let next = Self.page(8, size: size).withUnsafeBytes(memory.data(copying:))
    #expect(Self.address(of: next) != firstBlock)
    batch = nil
    let filler = (9..<16).map { Self.page($0, size: size).withUnsafeBytes(memory.data(copying:)) }
    let reused = Self.page(16, size: size).withUnsafeBytes(memory.data(copying:))
    #expect(Self.address(of: reused) == firstBlock)
    #expect(memory.blocksAllocated == 2)
    #expect(reused == Data(Self.page(16, size: size)))
    #expect(filler.count == 7 && next == Data(Self.page(8, size: size)))
  }

  @Test func largeAndEmptyPagesGetMemoryOfTheirOwn() {
    let memory = PageMemory()
    let large = Self.page(1, size: PageMemory.blockSize / 8 + 1)
    let small = Self.page(2, size: 10_000)
    let storedLarge = large.withUnsafeBytes(memory.data(copying:))
    let storedSmall = small.withUnsafeBytes(memory.data(copying:))
    let storedEmpty = [UInt8]().withUnsafeBytes(memory.data(copying:))
    #expect(storedLarge == Data(large))
    #expect(storedSmall == Data(small))
    #expect(storedEmpty.isEmpty)
    // The small page starts its block: the large one did not take room in it.
    let next = small.withUnsafeBytes(memory.data(copying:))
    #expect(Self.address(of: storedSmall).map { $0 + 10_000 } == Self.address(of: next))
  }

  @Test func pagesOutliveTheirMemory() {
    var memory: PageMemory? = PageMemory()
    let bytes = Self.page(3, size: 5_000)
    let data = memory.map { pool in bytes.withUnsafeBytes(pool.data(copying:)) } ?? Data()
    memory = nil
    #expect(data == Data(bytes))
  }

  @Test func pagesRenderedOnManyThreadsKeepTheirBytes() {
    let memory = PageMemory()
    let stored = OrderedParallel.map(Array(0..<2_000)) { number in
      Self.page(number, size: 1_000 + number % 7_000).withUnsafeBytes(memory.data(copying:))
    }
    for (number, data) in stored.enumerated() {
      #expect(data == Data(Self.page(number, size: 1_000 + number % 7_000)))
    }
  }
}
