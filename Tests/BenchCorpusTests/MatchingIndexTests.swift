import Assemble
import Pipeline
import Schema
import Testing

/// The build scores every need against every candidate with bit sets (`MatchingIndex`); on a
/// generated corpus its candidates must be exactly what `Matching` gives when it scores each pair
/// with string sets, for every open need and seed.
@Suite struct MatchingIndexTests {
  @Test func fastMatchesEqualPairByPairScoringOnAGeneratedCorpus() throws {
    let site = try #require(CorpusBuildTests.built?.site)
    let primary = site.sections.flatMap(\.items)
    let companies = primary.filter { site.pages[$0].entry.type == ContentTypes.company }
    let open = primary.filter {
      site.pages[$0].entry.type == ContentTypes.need
        && ["open", "in_discussion"].contains(Timeline.needStatus(site.pages[$0].entry, now: site.now))
    }
    let clinical = open.filter { site.pages[$0].entry.string("kind") == "clinical_need" }
    var compared = 0
    for need in open {
      let seed = site.pages[need].entry.string("kind") == "tech_seed"
      let expected =
        seed
        ? Matching.needs(for: need, in: site.pages, candidates: clinical)
        : Matching.companies(for: need, in: site.pages, candidates: companies)
      #expect(site.matches[need] ?? [] == expected, "\(site.pages[need].entry.path)")
      compared += expected.isEmpty ? 0 : 1
    }
    #expect(compared > 20, "the corpus has needs with candidates")
  }
}
