import Decode
import Schema

/// What the matching scores read from one entry, as small bit sets computed once per page, so
/// that scoring a need against every company is a few bit operations instead of building string
/// sets per pair. `MatchingIndex` selects the best candidates with these scores; `Matching` then
/// explains only those, so the results are exactly what `Matching.companies`/`needs` return.
struct MatchProfile: Sendable {
  /// What the entry is, read once so that ranking never copies entries.
  var isCompany: Bool
  var isClinicalNeed: Bool
  var tech: UInt64 = 0
  var clinical: UInt64 = 0
  var focus: UInt64 = 0
  /// Bit n: the entry names the class of rank n (0 for class I … 3 for IV).
  var classes: UInt64 = 0
  // A need's side.
  var seeksMAH = false
  var seeksManufacturer = false
  // A company's side.
  var iso13485 = false
  var iso9001 = false
  var involvementWeight = 0.0
  var holdsMAHLicence = false
  var makesForOthers = false
  var registeredSite = false

  init(_ entry: Entry) {
    isCompany = entry.type == ContentTypes.company
    isClinicalNeed = entry.type == ContentTypes.need && entry.string("kind") == "clinical_need"
    tech = Self.bits(entry.strings("tech_areas"), Vocabularies.techAreas)
    clinical = Self.bits(entry.strings("clinical_areas"), Vocabularies.clinicalAreas)
    focus = Self.bits(entry.strings("focus_areas"), Vocabularies.focusAreas)
    classes = Self.bits(entry.strings("jp_class"), Vocabularies.jpClasses)
    let sought = entry.strings("partners_sought")
    seeksMAH = sought.contains("mah")
    seeksManufacturer = sought.contains("manufacturer")
    let certifications = entry.strings("certifications")
    iso13485 = certifications.contains("iso13485")
    iso9001 = certifications.contains("iso9001")
    if let involvement = entry.string("medical_involvement") {
      involvementWeight = MatchingWeights.involvement[involvement] ?? 0
    }
    if let licence = entry.string("mah_license"), licence != "none" { holdsMAHLicence = true }
    makesForOthers = !Set(entry.strings("offerings")).isDisjoint(with: MatchingWeights.contractOfferings)
    registeredSite = entry.bool("manufacturing_registration")
  }

  static func bits(_ values: [String], _ vocabulary: Vocabulary) -> UInt64 {
    var bits: UInt64 = 0
    for value in values {
      if let index = vocabulary.allowedValues.firstIndex(of: value), index < 64 { bits |= 1 << UInt64(index) }
    }
    return bits
  }

  /// The highest class rank named, or -1.
  var highestClass: Int { classes == 0 ? -1 : 63 - classes.leadingZeroBitCount }

  /// `Matching.companyFit`'s score (nil where it gives nil). The weights are multiples of 1/4, so
  /// the sum is exact in any order.
  static func companyScore(need: MatchProfile, company: MatchProfile) -> Double? {
    typealias W = MatchingWeights
    let tech = (need.tech & company.tech).nonzeroBitCount
    let clinical = (need.clinical & company.clinical).nonzeroBitCount
    guard tech > 0 || clinical > 0 else { return nil }
    var score = W.techArea * Double(tech) + W.clinicalArea * Double(clinical)
    score += W.focusArea * Double((need.focus & company.focus).nonzeroBitCount)
    if need.classes & company.classes != 0 {
      score += W.sameDeviceClass
    } else if need.highestClass >= 0, company.highestClass > need.highestClass {
      score += W.higherDeviceClass
    }
    if company.iso13485 {
      let demanding = need.highestClass >= 1 || need.seeksMAH || need.seeksManufacturer
      score += demanding ? W.iso13485Demanding : W.iso13485
    } else if company.iso9001 {
      score += W.iso9001
    }
    score += max(0, company.involvementWeight)
    if need.seeksMAH, company.holdsMAHLicence { score += W.mahRole }
    if need.seeksManufacturer, company.makesForOthers {
      score += W.manufacturerRole + (company.registeredSite ? W.registeredSite : 0)
    }
    return score
  }

  // MARK: - Bounds for `CandidateGroups`

  /// The most a company's score can hold beyond its shared tech and clinical areas, for any need.
  var companyRestBound: Double {
    typealias W = MatchingWeights
    var bound = W.focusArea * Double(focus.nonzeroBitCount)
    if classes != 0 { bound += max(W.sameDeviceClass, W.higherDeviceClass) }
    bound += iso13485 ? max(W.iso13485, W.iso13485Demanding) : iso9001 ? W.iso9001 : 0
    bound += max(0, involvementWeight)
    if holdsMAHLicence { bound += W.mahRole }
    if makesForOthers { bound += W.manufacturerRole + (registeredSite ? W.registeredSite : 0) }
    return bound
  }

  /// The most any company's score can hold for this need beyond shared tech and clinical areas.
  var needRestCap: Double {
    typealias W = MatchingWeights
    var cap = W.focusArea * Double(focus.nonzeroBitCount)
    if classes != 0 { cap += max(W.sameDeviceClass, W.higherDeviceClass) }
    cap += max(W.iso13485, W.iso13485Demanding, W.iso9001)
    cap += max(0, W.involvement.values.max() ?? 0)
    if seeksMAH { cap += W.mahRole }
    if seeksManufacturer { cap += W.manufacturerRole + W.registeredSite }
    return cap
  }

  /// The most a seed's or a clinical need's side adds to `seedScore` beyond shared tech and
  /// clinical areas: shared focus areas and a shared class.
  var seedRestBound: Double {
    typealias W = MatchingWeights
    return W.focusArea * Double(focus.nonzeroBitCount) + (classes != 0 ? W.sameDeviceClass : 0)
  }

  /// `Matching.seedFit`'s score.
  static func seedScore(seed: MatchProfile, need: MatchProfile) -> Double? {
    typealias W = MatchingWeights
    let tech = (seed.tech & need.tech).nonzeroBitCount
    let clinical = (seed.clinical & need.clinical).nonzeroBitCount
    guard tech > 0 || clinical > 0 else { return nil }
    var score = W.techArea * Double(tech) + W.clinicalArea * Double(clinical)
    score += W.focusArea * Double((seed.focus & need.focus).nonzeroBitCount)
    if seed.classes & need.classes != 0 { score += W.sameDeviceClass }
    return score
  }
}
