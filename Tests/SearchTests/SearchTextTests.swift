import Foundation
import Testing

@testable import Search

struct Vectors: Decodable {
  struct Normalize: Decodable, Sendable, CustomTestStringConvertible {
    var input: String
    var output: String
    var testDescription: String { input }
  }
  struct Tokenize: Decodable, Sendable, CustomTestStringConvertible {
    var input: String
    var query: [String]
    var index: [String]
    var testDescription: String { input }
  }
  var normalize: [Normalize]
  var tokenize: [Tokenize]

  static let shared: Vectors = {
    let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("Fixtures/search/normalization.json")
    guard let data = try? Data(contentsOf: path), let vectors = try? JSONDecoder().decode(Vectors.self, from: data)
    else { return Vectors(normalize: [], tokenize: []) }
    return vectors
  }()
}

@Suite struct SearchTextTests {
  @Test func sharedVectorsAreThere() {
    #expect(Vectors.shared.normalize.count >= 20)
    #expect(Vectors.shared.tokenize.count >= 10)
  }

  @Test(arguments: Vectors.shared.normalize)
  func normalizesLikeTheBrowser(vector: Vectors.Normalize) {
    #expect(SearchText.normalize(vector.input) == vector.output)
  }

  @Test(arguments: Vectors.shared.tokenize)
  func tokenizesLikeTheBrowser(vector: Vectors.Tokenize) {
    #expect(SearchText.tokens(vector.input, index: false) == vector.query)
    #expect(SearchText.tokens(vector.input, index: true) == vector.index)
  }

  @Test func bucketsUseFNV1aOfTheFirstCharacter() {
    #expect(SearchText.fnv1a32("".utf8) == 2_166_136_261)
    #expect(SearchText.fnv1a32("a".utf8) == 0xe40c_292c)
    #expect(SearchText.bucket(of: "内視", shards: 64) == Int(SearchText.fnv1a32("内視".utf8) % 64))
    #expect(SearchText.bucket(of: "isolation", shards: 64) == SearchText.bucket(of: "iso", shards: 64))
    #expect(SearchText.bucket(of: "iso", shards: 64) == Int(SearchText.fnv1a32("is".utf8) % 64))
  }

  @Test func gzipIsDeterministicAndInflatable() throws {
    let data = Data(String(repeating: "内視鏡下手術 ", count: 100).utf8)
    let first = Gzip.compress(data)
    #expect(first == Gzip.compress(data))
    #expect(first.prefix(2) == Data([0x1f, 0x8b]))
    #expect(first.count < data.count / 5)
    // Header: deflate method, no flags, mtime 0, so the bytes do not depend on the moment.
    #expect(Array(first.prefix(8)) == [0x1f, 0x8b, 8, 0, 0, 0, 0, 0])
    #expect(Gzip.decompress(first) == data)
  }

  @Test func gzipRoundTripsWhatTheSystemGzipReads() throws {
    var random = SystemRandomNumberGenerator()
    let noise = Data((0..<70_000).map { _ in UInt8.random(in: 0...255, using: &random) })
    for data in [Data(), Data("a".utf8), noise, Data(String(repeating: "{\"t\":[1,2,3]}", count: 5_000).utf8)] {
      let packed = Gzip.compress(data)
      #expect(Gzip.decompress(packed) == data)
      let file = FileManager.default.temporaryDirectory.appendingPathComponent("kirameki-gzip-\(UUID().uuidString).gz")
      defer { try? FileManager.default.removeItem(at: file) }
      try packed.write(to: file)
      let gunzip = Process()
      gunzip.executableURL = URL(fileURLWithPath: "/bin/gzip")
      gunzip.arguments = ["-dc", file.path]
      let pipe = Pipe()
      gunzip.standardOutput = pipe
      try gunzip.run()
      let unpacked = pipe.fileHandleForReading.readDataToEndOfFile()
      gunzip.waitUntilExit()
      #expect(gunzip.terminationStatus == 0)
      #expect(unpacked == data)
    }
    #expect(Gzip.decompress(Data("not gzip at all, not at all".utf8)) == nil)
    // A trailer that lies about the size (here 4 GiB - 1) is neither trusted nor fatal.
    var lying = Gzip.compress(Data(String(repeating: "ab", count: 3_000).utf8))
    lying.replaceSubrange((lying.count - 4)..<lying.count, with: [0xff, 0xff, 0xff, 0xff])
    #expect(Gzip.decompress(lying) == nil)
    var short = Gzip.compress(Data(String(repeating: "ab", count: 3_000).utf8))
    short.replaceSubrange((short.count - 4)..<short.count, with: [1, 0, 0, 0])
    #expect(Gzip.decompress(short) == nil)
  }
}
