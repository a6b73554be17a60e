import Testing

@testable import Pipeline

/// How the streamed build cuts its pages into batches: whole batches, then the last batch's worth
/// in quarters, every page exactly once and in order.
@Suite struct PageBatchTests {
  func ranges(count: Int, size: Int) -> [Range<Int>] {
    var ranges: [Range<Int>] = []
    var start = 0
    while start < count {
      let range = PageStream.batchRange(from: start, of: count, size: size)
      ranges.append(range)
      start = range.upperBound
    }
    return ranges
  }

  @Test func theLastBatchIsCutInQuarters() {
    #expect(ranges(count: 2048 + 1024, size: 1024).map(\.count) == [1024, 1024, 256, 256, 256, 256])
    #expect(ranges(count: 1024 + 300, size: 1024).map(\.count) == [1024, 256, 44])
    #expect(ranges(count: 10, size: 1024).map(\.count) == [10])
    #expect(ranges(count: 7, size: 3).map(\.count) == [3, 3, 1])
  }

  @Test(arguments: [(0, 5), (1, 1), (5, 1), (1000, 7), (25_701, 1024), (33, 4)])
  func everyPageIsInExactlyOneBatchInOrder(count: Int, size: Int) {
    let ranges = ranges(count: count, size: size)
    #expect(ranges.flatMap { Array($0) } == Array(0..<count))
    #expect(ranges.allSatisfy { !$0.isEmpty && $0.count <= Swift.max(1, size) })
  }
}
