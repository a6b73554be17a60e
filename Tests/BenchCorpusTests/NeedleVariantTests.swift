import Schema
import Testing

@testable import BenchCorpus

@Suite struct NeedleVariantTests {
  @Test func katakanaAsHiraganaAndHalfWidth() {
    #expect(KanaWidth.hiragana("ビダーソケ") == "びだーそけ")
    #expect(KanaWidth.halfWidthKatakana("ビダーソケ") == "ﾋﾞﾀﾞｰｿｹ")
    #expect(KanaWidth.halfWidthKatakana("パルスヴ") == "ﾊﾟﾙｽｳﾞ")
  }

  @Test func modelCodesFullWidth() {
    #expect(KanaWidth.fullWidth("KRD12872") == "ＫＲＤ１２８７２")
    #expect(KanaWidth.fullWidth("KRD 12872") == "ＫＲＤ\u{3000}１２８７２")
  }

  @Test func fullWidthCodesAreSearchedHalfWidthAndTheReverse() throws {
    var factory = NeedleFactory(
      random: BenchRandom(seed: 11, stream: .needles),
      vocabularyText: CorpusContext.vocabularyText(book: Phrasebook.shared))
    let needles = factory.make(count: 16, components: ["先端部"], classes: ["クラスII"])
    #expect(needles.count == 16)
    let codes = needles.filter { $0.kind == .alnum }
    let written = codes.first { $0.phrase.unicodeScalars.allSatisfy { $0.value > 0xFF00 } }
    let typed = codes.first { $0.phrase.unicodeScalars.allSatisfy(\.isASCII) }
    let full = try #require(written)
    let half = try #require(typed)
    let fullQueries = Dictionary(uniqueKeysWithValues: full.variants.map { ($0.name, $0.query) })
    #expect(fullQueries["halfwidth_compact"].map(KanaWidth.fullWidth) == full.phrase)
    #expect(fullQueries["halfwidth"]?.contains(" ") == true)
    #expect(fullQueries["lowercase"] == fullQueries["halfwidth"]?.lowercased())
    let halfQueries = Dictionary(uniqueKeysWithValues: half.variants.map { ($0.name, $0.query) })
    #expect(halfQueries["fullwidth"] == KanaWidth.fullWidth(half.phrase))
    #expect(halfQueries["lowercase"] == half.phrase.lowercased())
    // Every needle is new to the vocabulary and distinct from the others.
    #expect(Set(needles.map(\.phrase)).count == needles.count)
    for needle in needles where needle.kind == .english {
      let prefix = needle.variants.first { $0.name == "prefix" }?.query ?? ""
      #expect(prefix.count >= 4 && needle.phrase.lowercased().hasPrefix(prefix))
    }
  }

  @Test func theScannerCountsEveryOccurrence() {
    let scanner = NeedleScanner(patterns: [Array("翠光偏光".utf8), Array("偏光探触子".utf8), Array("abc".utf8)])
    let found = scanner.matches(in: Array("翠光偏光探触子とabcとabc、翠光".utf8))
    #expect(found == [0: 1, 1: 1, 2: 2])
  }

  @Test func frontMatterMissingARequiredFieldIsSchemaDrift() {
    var front = FrontMatter(schema: TypeSchema(ContentTypes.seminar))
    front.string("title", "x")
    front.string("no_such_field", "ignored")
    #expect(throws: SchemaDrift.self) { try front.finish() }
    #expect(!front.text.contains("no_such_field"))
  }

  @Test func randomStreamsAreStableAcrossRuns() {
    var random = BenchRandom(seed: 42, stream: .document, index: 3)
    let draws = (0..<4).map { _ in random.below(1_000_000) }
    var again = BenchRandom(seed: 42, stream: .document, index: 3)
    #expect(draws == (0..<4).map { _ in again.below(1_000_000) })
    var other = BenchRandom(seed: 42, stream: .document, index: 4)
    #expect(draws != (0..<4).map { _ in other.below(1_000_000) })
  }
}
