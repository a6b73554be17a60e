import Foundation
import Testing

@testable import Assemble

@Suite struct NormaliseTests {
  /// Every character the quick path handles, alone and next to the others, normalises as with
  /// Foundation's NFKC.
  @Test func quickNFKCAgreesWithFoundation() throws {
    let handled: [ClosedRange<UInt32>] = [
      0x09...0x0A, 0x20...0x7E, 0xB1...0xB1, 0x3001...0x3002, 0x3005...0x3005, 0x300C...0x300F, 0x3041...0x3096,
      0x30A1...0x30FC, 0x4E00...0x9FFC, 0xFF01...0xFF5E,
    ]
    let scalars = handled.flatMap { $0 }.compactMap(Unicode.Scalar.init)
    let disagreeing = scalars.filter { scalar in
      let text = "a" + String(scalar) + "ア" + String(scalar) + "\u{30FC}"
      return Related.quickNFKC(text) != text.precomposedStringWithCompatibilityMapping
    }
    #expect(disagreeing.isEmpty)
    #expect(Related.quickNFKC("ｶ") == nil)
    #expect(Related.quickNFKC("か\u{3099}") == nil)
    #expect(Related.normalise("ＡＢＣ（１２３）内視鏡") == "abc(123)内視鏡")
    #expect(Related.normalise("ｶﾞ") == "ガ")
  }
}

@Suite struct AreaPoolTests {
  @Test func unionOfAscendingListsIsTheSortedSetUnion() {
    var state: UInt64 = 7
    func next(_ bound: Int) -> Int {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int((state >> 33) % UInt64(bound))
    }
    for _ in 0..<500 {
      let a = (0..<next(30)).map { _ in next(60) }.sorted()
      let b = (0..<next(30)).map { _ in next(60) }.sorted()
      #expect(Assembler.union(a, b) == Set(a + b).sorted())
    }
  }
}
