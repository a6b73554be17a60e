import Foundation
import Testing

@testable import Search

/// The shard encoder writes into a buffer sized for the worst case; these compare it with the
/// straightforward encoder it replaced, on texts that need escaping and on every decimal length.
extension IndexEquivalenceTests {
  @Test func shardJSONIsWhatTheStraightforwardEncoderWrites() throws {
    let documents = pages(300).map(SearchDocument.analyze)
    var postings = PostingsBuilder()
    for document in documents { postings.add(document.termCounts) }
    let tokenCount = postings.tokenTexts().count
    try #require(tokenCount > 100)
    let awkward = [
      "", "\"", "\\", "a\"b\\c", "\u{0}\u{1}\u{1F}\t\n\r", "\u{7F}", "é", "内視鏡", "😀", "\u{2028}", "x\u{301}",
      String(repeating: "\u{1F}", count: 40),
    ]
    var texts = postings.tokenTexts()
    for token in texts.indices where token % 3 == 0 { texts[token] = awkward[token % awkward.count] }
    // Norms of every size, so weights run from 1 to 255.
    let norms = (0..<postings.documentCount).map { Double($0 % 50) * 0.7 }
    let tokens = Array((0..<tokenCount).reversed())
    for slice in [tokens, [], Array(tokens.prefix(1)), Array(tokens.suffix(17))] {
      let fast = ShardEncoder.json(slice, texts: texts, postings: postings, norms: norms)
      let reference = referenceJSON(slice, texts: texts, postings: postings, norms: norms)
      #expect(fast == reference)
    }
    let whole = ShardEncoder.json(tokens, texts: texts, postings: postings, norms: norms)
    let parsed = try #require(try JSONSerialization.jsonObject(with: Data(whole)) as? [String: [Int]])
    #expect(parsed.values.allSatisfy { $0.count % 2 == 0 && !$0.isEmpty })
  }

  @Test func decimalsAreWrittenAsTheirDescription() {
    var values: [UInt32] = [0, 1, 9, UInt32.max, UInt32.max - 1]
    var power: UInt32 = 10
    while true {
      values += [power - 1, power, power + 1]
      let (next, overflow) = power.multipliedReportingOverflow(by: 10)
      if overflow { break }
      power = next
    }
    let buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: 16)
    defer { buffer.deallocate() }
    for value in values {
      let end = ShardEncoder.writeDecimal(value, to: buffer, at: 3)
      #expect(String(decoding: UnsafeBufferPointer(start: buffer + 3, count: end - 3), as: UTF8.self) == "\(value)")
    }
  }

  /// The encoder as it was first written: one append per byte, the text quoted scalar by scalar.
  func referenceJSON(_ tokens: [Int], texts: [String], postings: PostingsBuilder, norms: [Double]) -> [UInt8] {
    var json: [UInt8] = [UInt8(ascii: "{")]
    for (position, token) in tokens.enumerated() {
      if position > 0 { json.append(UInt8(ascii: ",")) }
      json.append(contentsOf: quote(texts[token]).utf8)
      json.append(contentsOf: ":[".utf8)
      var previous: UInt32 = 0
      var items: [String] = []
      postings.forEachPosting(of: token) { document, count in
        let weighted = Double(count)
        let weight = min(255, max(1, Int((255 * weighted / (weighted + norms[Int(document)])).rounded())))
        items += ["\(document - previous)", "\(weight)"]
        previous = document
      }
      json.append(contentsOf: items.joined(separator: ",").utf8)
      json.append(UInt8(ascii: "]"))
    }
    json.append(UInt8(ascii: "}"))
    return json
  }

  func quote(_ text: String) -> String {
    var out = "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case _ where scalar.value < 0x20: out += String(format: "\\u%04x", scalar.value)
      default: out.unicodeScalars.append(scalar)
      }
    }
    return out + "\""
  }
}
