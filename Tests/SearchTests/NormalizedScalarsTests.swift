import Foundation
import Testing

@testable import Search

/// The first, slow implementation of `SearchText.normalize`: the definition the fast path keeps.
func referenceNormalize(_ text: String) -> String {
  var out = String.UnicodeScalarView()
  for scalar in text.precomposedStringWithCompatibilityMapping.lowercased().unicodeScalars {
    out.append(NormalizedScalars.folded(scalar))
  }
  return String(out)
}

@Suite struct NormalizedScalarsTests {
  static let fastScalars = (0...0x10FFFF).compactMap(Unicode.Scalar.init).filter {
    NormalizedScalars.fastMapping($0) != nil
  }

  @Test func everyFastScalarMapsLikeNFKCAndLowercase() {
    #expect(Self.fastScalars.count > 27_000, "ASCII, Latin-1, kana, full-width forms and the CJK blocks")
    let wrong = Self.fastScalars.filter {
      let mapped = NormalizedScalars.fastMapping($0).map { String($0) }
      return mapped != String($0).precomposedStringWithCompatibilityMapping.lowercased()
    }
    #expect(wrong.isEmpty, "\(wrong.prefix(10).map { String($0.value, radix: 16) })")
  }

  /// The segment boundary before a fast scalar is safe only if it (and what it maps to) has
  /// combining class 0 and never ends a canonical decomposition, so nothing composes with it.
  @Test func fastScalarsStartNormalisationSegments() {
    var composingTails = Set<UInt32>()
    for scalar in (0...0x10FFFF).compactMap(Unicode.Scalar.init)
    where scalar.properties.generalCategory != .unassigned && scalar.properties.canonicalCombiningClass == .notReordered
    {
      let parts = String(scalar).decomposedStringWithCanonicalMapping.unicodeScalars
      for part in parts.dropFirst() { composingTails.insert(part.value) }
    }
    #expect(composingTails.contains(0x3099), "the voiced mark composes with kana")
    #expect(composingTails.contains(0x1161), "Hangul vowels compose with leading consonants")
    for scalar in Self.fastScalars {
      let mapped = NormalizedScalars.fastMapping(scalar) ?? scalar
      for candidate in [scalar, mapped] {
        #expect(candidate.properties.canonicalCombiningClass == .notReordered)
        #expect(!composingTails.contains(candidate.value), "\(String(candidate.value, radix: 16))")
      }
    }
  }

  @Test(arguments: trickyTexts)
  func normalizesLikeTheReference(text: String) {
    #expect(SearchText.normalize(text) == referenceNormalize(text))
  }

  @Test func normalizesMixedRandomTextLikeTheReference() {
    var strings = MixedStrings(state: 42)
    for _ in 0..<3000 {
      let text = strings.next() ?? ""
      #expect(SearchText.normalize(text) == referenceNormalize(text), "\(text.unicodeScalars.map { $0.value })")
    }
  }
}
