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

  /// Bigrams read scalars without building strings; they must be the scalars `normalise` gives,
  /// for every character of the quick path and for text that needs Foundation.
  @Test func normalisedScalarsAreThoseOfNormalise() {
    let handled: [ClosedRange<UInt32>] = [
      0x09...0x0A, 0x20...0x7E, 0xB1...0xB1, 0x3001...0x3002, 0x3005...0x3005, 0x300C...0x300F, 0x3041...0x3096,
      0x30A1...0x30FC, 0x4E00...0x9FFC, 0xFF01...0xFF5E,
    ]
    let scalars = handled.flatMap { $0 }.compactMap(Unicode.Scalar.init)
    let disagreeing = scalars.filter { scalar in
      let text = "Aa" + String(scalar) + "ア"
      return Related.normalisedScalars(text) != Related.normalise(text).unicodeScalars.map(\.value)
    }
    #expect(disagreeing.isEmpty)
    for text in ["ｶﾞイド ＡＢＣ", "Ä Straße İ", "ＮＩＣＵ 内視鏡下手術", ""] {
      #expect(Related.normalisedScalars(text) == Related.normalise(text).unicodeScalars.map(\.value))
    }
  }

  @Test func bigramsAreDistinctSortedPairsOfLettersAndDigits() {
    #expect(Related.bigrams(of: "abab, AB") == [UInt64(0x61) << 32 | 0x62, UInt64(0x62) << 32 | 0x61])
    #expect(Related.bigrams(of: "a b") == [])
    let text = "内視鏡 内視鏡下手術 ＮＩＣＵ nicu"
    let bigrams = Related.bigrams(of: text)
    #expect(bigrams == Array(Set(bigrams)).sorted())
    #expect(bigrams.contains(UInt64(0x5185) << 32 | 0x8996), "内視")
    #expect(bigrams.contains(UInt64(0x6E) << 32 | 0x69), "ni, from both the full-width and the ASCII word")
  }
}
