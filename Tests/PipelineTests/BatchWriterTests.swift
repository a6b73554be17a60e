import Emit
import Foundation
import Render
import Testing

@testable import Pipeline

/// The writer thread of the streamed build: batches in the order given, the first failure
/// reported and nothing written after it.
@Suite struct BatchWriterTests {
  func staged() throws -> (site: StagedSite, root: String) {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("kirameki-batches-\(UUID().uuidString)")
      .path
    try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
    return (try StagedSite(root: root, output: root + "/site"), root)
  }

  func batch(_ number: Int) -> [OutputFile] {
    (0..<40).map { OutputFile(path: "b\(number)/p\($0)/index.html", text: "\(number)-\($0)") }
  }

  @Test(arguments: [1, 3])
  func batchesAreWrittenInTheirOrderWhileMoreArrive(capacity: Int) throws {
    let (site, root) = try staged()
    let writer = BatchWriter(site: site, capacity: capacity)
    for number in 0..<30 { writer.write(batch(number)) }
    let (error, seconds) = writer.finish()
    #expect(error == nil)
    #expect(seconds > 0)
    let summary = try site.commit()
    #expect(summary.paths == (0..<30).flatMap { batch($0).map(\.path) })
    #expect(try String(contentsOfFile: root + "/site/b29/p7/index.html", encoding: .utf8) == "29-7")
  }

  @Test func theFirstFailureIsReportedAndNothingAfterItIsWritten() throws {
    let (site, _) = try staged()
    let writer = BatchWriter(site: site)
    writer.write([OutputFile(path: "a.html", text: "1")])
    // The same path again: the staged site refuses it.
    writer.write([OutputFile(path: "a.html", text: "2")])
    writer.write(batch(1))
    let (error, _) = writer.finish()
    #expect("\(error.map { "\($0)" } ?? "")".contains("a.html"))
    #expect(writer.error != nil)
    writer.write(batch(2))
    #expect(writer.finish().error != nil, "finishing twice returns at once")
    #expect(try site.commit().paths == ["a.html"])
  }

  @Test func aCancelledWriterDropsWhatWaitsAndTakesNoMore() throws {
    let (site, _) = try staged()
    let writer = BatchWriter(site: site, capacity: 3)
    for number in 0..<3 { writer.write(batch(number)) }
    writer.cancel()
    writer.write(batch(9))
    #expect(writer.finish().error == nil)
    let paths = Set(try site.commit().paths)
    #expect(!paths.contains { $0.hasPrefix("b9/") })
    #expect(paths.count % 40 == 0, "whole batches only")
  }

  @Test func waitingUntilWrittenLeavesTheWriterOpenForMore() throws {
    let (site, root) = try staged()
    let writer = BatchWriter(site: site)
    for number in 0..<5 { writer.write(batch(number)) }
    writer.waitUntilWritten()
    let staging = try FileManager.default.contentsOfDirectory(atPath: root)
      .filter { $0 != "site" }.map { root + "/" + $0 }
    let written = try staging.flatMap { folder in
      try FileManager.default.subpathsOfDirectory(atPath: folder).filter { $0.hasSuffix(".html") }
    }
    #expect(written.count == 5 * 40, "every batch queued before the wait is on disk")
    writer.write(batch(5))
    #expect(writer.finish().error == nil)
    #expect(try site.commit().paths.count == 6 * 40)
  }

  @Test func theIndexStagingReportsAFailedWriteAndDeletesItsFolder() throws {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("kirameki-index-\(UUID().uuidString)")
      .path
    try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
    let staging = IndexStaging(root: root, output: root + "/site", flush: nil, keeping: true)
    staging.add([OutputFile(path: "search/a.bin", text: "1")])
    staging.add([OutputFile(path: "search/a.bin", text: "2")])
    staging.writer?.waitUntilWritten()
    #expect("\(staging.error.map { "\($0)" } ?? "")".contains("search/a.bin"))
    staging.add([OutputFile(path: "search/b.bin", text: "3")])
    #expect(staging.kept.map(\.path) == ["search/a.bin", "search/a.bin"], "nothing is taken after a failure")
    staging.discard()
    #expect(staging.site == nil && staging.writer == nil)
    #expect(try FileManager.default.contentsOfDirectory(atPath: root).isEmpty, "the staging folder is gone")
  }
}
