import Schema
import Testing

@Test func enumTyposLabelsAndPartsSuggestTheAllowedValue() {
  #expect(Vocabularies.techAreas.likelyValue(for: "laser") == "laser_photonics")
  #expect(Vocabularies.techAreas.likelyValue(for: "光学") == "optics")
  #expect(Vocabularies.techAreas.likelyValue(for: "Optics") == "optics")
  #expect(Vocabularies.needStatus.likelyValue(for: "opne") == "open")
  #expect(Vocabularies.attendance.likelyValue(for: "hybrid") == nil)
}
