import Testing

@testable import Markdown

struct SingleScalarCharacterTests {
  /// Every scalar the walk treats as a Character of its own is one beside each kind of the others
  /// (and beside itself), as the standard library's grapheme breaking decides.
  @Test func everyListedScalarBreaksFromItsNeighbours() {
    let partners: [Unicode.Scalar] = ["a", "\n", "©", "あ", "ア", "漢", "한", "Ж", "ب", "—", "。", "Ａ", "\u{AD}"]
    for partner in partners { #expect(SingleScalarCharacter.breaksAround(partner)) }
    var listed = 0
    for value in UInt32(0)...0xFFFF {
      guard let scalar = Unicode.Scalar(value), SingleScalarCharacter.breaksAround(scalar) else { continue }
      listed += 1
      for partner in partners where !(scalar == "\r" && partner == "\n") {
        var pair = String.UnicodeScalarView()
        pair.append(scalar)
        pair.append(partner)
        pair.append(scalar)
        #expect(String(pair).count == 3, "U+\(String(value, radix: 16)) beside U+\(String(partner.value, radix: 16))")
      }
    }
    #expect(listed > 40_000)
  }

  @Test func marksAndJoinersAreNotListed() {
    for scalar: Unicode.Scalar in ["\u{301}", "\u{3099}", "\u{200D}", "\u{FE0F}", "\u{1F1EF}", "\u{600}", "\u{11A8}"] {
      #expect(!SingleScalarCharacter.breaksAround(scalar))
    }
  }

  @Test func newlinesAreCharacterNewlines() {
    for value in UInt32(0)...0x3000 {
      guard let scalar = Unicode.Scalar(value) else { continue }
      #expect(SingleScalarCharacter.isNewline(scalar) == Character(scalar).isNewline)
    }
  }
}
