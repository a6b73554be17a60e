import Decode
import Schema

/// A candidate ranked for a need posting: a company for a clinical need or partnership request,
/// or a clinical need for a technology seed.
public struct Match: Sendable, Hashable {
  /// Index into the pages of the candidate.
  public var page: Int
  /// The sum of the weights of the reasons; higher is better. Only meaningful for comparing the
  /// candidates of one posting.
  public var score: Double
  /// Why the candidate fits, in the order of `Reason.Kind`.
  public var reasons: [Reason]

  public init(page: Int, score: Double, reasons: [Reason]) {
    self.page = page
    self.score = score
    self.reasons = reasons
  }
}

/// One reason a candidate fits a posting, for display.
public struct Reason: Sendable, Hashable {
  /// What kind of fit this is; each kind names the vocabulary its values come from.
  public enum Kind: String, Sendable {
    /// Tech areas both sides list (vocabulary `tech_area`).
    case sharedTechAreas
    /// Focus areas of the initiative both sides list (vocabulary `focus_area`).
    case sharedFocusAreas
    /// Clinical areas both sides list (vocabulary `clinical_area`).
    case sharedClinicalAreas
    /// Device classes the company has worked on that the need expects, or, when none is the same,
    /// the higher classes it has worked on; for a seed, the classes both postings expect
    /// (vocabulary `jp_class`).
    case deviceClassExperience
    /// The company's quality-management certification that counted (vocabulary `certification`).
    case certification
    /// The company's current involvement in medical devices (vocabulary `medical_involvement`).
    case medicalInvolvement
    /// Partner roles the need seeks that the company can fill: `mah` with a marketing-authorisation
    /// licence, `manufacturer` when it offers OEM, ODM, contract machining or parts (more with a
    /// registered device manufacturing site) (vocabulary `partner_role`).
    case partnerRole
  }

  public var kind: Kind
  /// The enum values behind the reason (ASCII, e.g. `["optics", "laser_photonics"]`), in the
  /// posting's order; the renderer labels them with the kind's vocabulary.
  public var values: [String]

  public init(kind: Kind, values: [String]) {
    self.kind = kind
    self.values = values
  }
}

/// Ranks companies for need postings and clinical needs for technology seeds from their front
/// matter. Pure and deterministic: the same pages give the same ranking, ties broken by entry id.
///
/// A score is the sum of fixed weights (see `MatchingWeights`): each shared tech area counts most,
/// then each shared clinical area and focus area; for companies also device-class experience, an
/// ISO 13485 (or, weakly, ISO 9001) certification, medical involvement, and the partner roles the
/// need seeks that the company can fill. A candidate must share at least one tech area or one
/// clinical area to be listed at all.
public enum Matching {
  /// For a need posting of kind `clinical_need` or `partnership_request`: ranked candidate
  /// companies (at most `limit`), best first.
  ///
  /// `candidates` are indices into `pages` (the caller passes the primary-language versions); any
  /// that is out of range, not a company, or a second version of an entry already seen is ignored.
  /// Returns nothing when `need` is not such a posting.
  public static func companies(for need: Int, in pages: [Page], candidates: [Int], limit: Int = 5) -> [Match] {
    guard pages.indices.contains(need), limit > 0 else { return [] }
    let subject = pages[need].entry
    guard subject.type == ContentTypes.need,
      let kind = subject.string("kind"), kind == "clinical_need" || kind == "partnership_request"
    else { return [] }
    let scored = distinct(candidates, in: pages, excluding: need).compactMap { index -> Match? in
      let company = pages[index].entry
      guard company.type == ContentTypes.company else { return nil }
      return companyFit(need: subject, company: company).map { Match(page: index, score: $0.0, reasons: $0.1) }
    }
    return ranked(scored, in: pages, limit: limit)
  }

  /// For a need posting of kind `tech_seed`: the clinical needs (kind `clinical_need`) it could
  /// serve, best first, at most `limit`.
  ///
  /// `candidates` are indices into `pages`; any that is out of range, not a clinical need, the seed
  /// itself, or a second version of an entry already seen is ignored. The caller decides which
  /// statuses to offer (for instance only open needs). Returns nothing when `seed` is not a seed.
  public static func needs(for seed: Int, in pages: [Page], candidates: [Int], limit: Int = 5) -> [Match] {
    guard pages.indices.contains(seed), limit > 0 else { return [] }
    let subject = pages[seed].entry
    guard subject.type == ContentTypes.need, subject.string("kind") == "tech_seed" else { return [] }
    let scored = distinct(candidates, in: pages, excluding: seed).compactMap { index -> Match? in
      let need = pages[index].entry
      guard need.type == ContentTypes.need, need.string("kind") == "clinical_need" else { return nil }
      return seedFit(seed: subject, need: need).map { Match(page: index, score: $0.0, reasons: $0.1) }
    }
    return ranked(scored, in: pages, limit: limit)
  }

  // MARK: - Scoring

  /// How well `company` fits `need`, or nil when they share neither a tech area nor a clinical area.
  static func companyFit(need: Entry, company: Entry) -> (Double, [Reason])? {
    typealias W = MatchingWeights
    var fit = Fit()
    let tech = shared(need.strings("tech_areas"), company.strings("tech_areas"))
    let clinical = shared(need.strings("clinical_areas"), company.strings("clinical_areas"))
    guard !tech.isEmpty || !clinical.isEmpty else { return nil }
    let focus = shared(need.strings("focus_areas"), company.strings("focus_areas"))
    fit.add(.sharedTechAreas, tech, W.techArea * Double(tech.count))
    fit.add(.sharedFocusAreas, focus, W.focusArea * Double(focus.count))
    fit.add(.sharedClinicalAreas, clinical, W.clinicalArea * Double(clinical.count))

    // Device classes: the same class counts fully, only higher classes count half.
    let expected = classes(need)
    let worked = classes(company)
    let sameClasses = shared(expected, worked)
    if !sameClasses.isEmpty {
      fit.add(.deviceClassExperience, sameClasses, W.sameDeviceClass)
    } else if let highest = expected.map(classRank).max() {
      let higher = worked.filter { classRank($0) > highest }
      fit.add(.deviceClassExperience, higher, W.higherDeviceClass)
    }

    let sought = need.strings("partners_sought")
    let certifications = Set(company.strings("certifications"))
    if certifications.contains("iso13485") {
      let demanding =
        expected.contains { classRank($0) >= classRank("II") } || sought.contains("mah")
        || sought.contains("manufacturer")
      fit.add(.certification, ["iso13485"], demanding ? W.iso13485Demanding : W.iso13485)
    } else if certifications.contains("iso9001") {
      fit.add(.certification, ["iso9001"], W.iso9001)
    }

    if let involvement = company.string("medical_involvement") {
      fit.add(.medicalInvolvement, [involvement], W.involvement[involvement] ?? 0)
    }

    var roles: [(String, Double)] = []
    for role in distinctValues(sought) {
      switch role {
      case "mah":
        if let licence = company.string("mah_license"), licence != "none" { roles.append((role, W.mahRole)) }
      case "manufacturer":
        // A manufacturing partner makes things for others; a registered site counts extra.
        if !Set(company.strings("offerings")).isDisjoint(with: W.contractOfferings) {
          let registered = company.bool("manufacturing_registration")
          roles.append((role, W.manufacturerRole + (registered ? W.registeredSite : 0)))
        }
      default:
        break
      }
    }
    fit.add(.partnerRole, roles.map(\.0), roles.reduce(0) { $0 + $1.1 })
    return (fit.score, fit.reasons)
  }

  /// How well `seed` could serve `need`, or nil when they share neither a tech area nor a clinical area.
  static func seedFit(seed: Entry, need: Entry) -> (Double, [Reason])? {
    typealias W = MatchingWeights
    var fit = Fit()
    let tech = shared(seed.strings("tech_areas"), need.strings("tech_areas"))
    let clinical = shared(seed.strings("clinical_areas"), need.strings("clinical_areas"))
    guard !tech.isEmpty || !clinical.isEmpty else { return nil }
    let focus = shared(seed.strings("focus_areas"), need.strings("focus_areas"))
    fit.add(.sharedTechAreas, tech, W.techArea * Double(tech.count))
    fit.add(.sharedFocusAreas, focus, W.focusArea * Double(focus.count))
    fit.add(.sharedClinicalAreas, clinical, W.clinicalArea * Double(clinical.count))
    let sameClasses = shared(classes(seed), classes(need))
    fit.add(.deviceClassExperience, sameClasses, W.sameDeviceClass)
    return (fit.score, fit.reasons)
  }

  /// Reasons and their summed weights, collected in `Reason.Kind` order.
  struct Fit {
    var score = 0.0
    var reasons: [Reason] = []

    /// Adds a reason when it has values and a positive weight.
    mutating func add(_ kind: Reason.Kind, _ values: [String], _ weight: Double) {
      guard !values.isEmpty, weight > 0 else { return }
      score += weight
      reasons.append(Reason(kind: kind, values: values))
    }
  }

  // MARK: - Helpers

  /// The values of `first` that `second` also has, in `first`'s order, each once.
  static func shared(_ first: [String], _ second: [String]) -> [String] {
    let other = Set(second)
    return distinctValues(first).filter { other.contains($0) }
  }

  static func distinctValues(_ values: [String]) -> [String] {
    var seen = Set<String>()
    return values.filter { seen.insert($0).inserted }
  }

  /// The entry's known `jp_class` values, each once, in the entry's order.
  static func classes(_ entry: Entry) -> [String] {
    distinctValues(entry.strings("jp_class")).filter { classRank($0) >= 0 }
  }

  /// 0 for class I up to 3 for class IV; -1 for anything else.
  static func classRank(_ value: String) -> Int {
    Vocabularies.jpClasses.allowedValues.firstIndex(of: value) ?? -1
  }

  /// Valid candidate indices, each entry once (its first version in `candidates`), without `subject`
  /// or any version of it.
  static func distinct(_ candidates: [Int], in pages: [Page], excluding subject: Int) -> [Int] {
    let subjectKey = key(pages[subject].entry)
    var seen: Set<String> = [subjectKey]
    return candidates.filter { index in
      pages.indices.contains(index) && seen.insert(key(pages[index].entry)).inserted
    }
  }

  static func key(_ entry: Entry) -> String {
    entry.type.section + "/" + entry.id
  }

  /// Best first; equal scores by entry id, then language and page index, so the order is total.
  static func ranked(_ matches: [Match], in pages: [Page], limit: Int) -> [Match] {
    let sorted = matches.sorted { a, b in
      if a.score != b.score { return a.score > b.score }
      let (x, y) = (pages[a.page].entry, pages[b.page].entry)
      if x.id != y.id { return x.id < y.id }
      if x.language != y.language { return x.language < y.language }
      return a.page < b.page
    }
    return Array(sorted.prefix(limit))
  }
}

/// The weights `Matching` adds up. All are multiples of 1/4, so sums are exact and equal fits tie
/// exactly (and fall to the id order).
enum MatchingWeights {
  /// Per shared tech area: the strongest signal, so that what a company can make outweighs its
  /// credentials.
  static let techArea = 4.0
  /// Per shared clinical area.
  static let clinicalArea = 1.5
  /// Per shared focus area (there are only three, so they are broad).
  static let focusArea = 0.75
  /// The company has worked on a class the need expects (or, for a seed, both expect the same class).
  static let sameDeviceClass = 1.0
  /// The company has worked only on higher classes than the need expects.
  static let higherDeviceClass = 0.5
  /// ISO 13485 when the need expects class II or higher, or seeks an MAH or a manufacturer.
  static let iso13485Demanding = 1.5
  /// ISO 13485 otherwise.
  static let iso13485 = 0.5
  /// ISO 9001 without ISO 13485.
  static let iso9001 = 0.25
  /// By `medical_involvement`: own devices and OEM for an MAH above supplying parts, above exploring.
  static let involvement: [String: Double] = [
    "own_devices": 1.0, "oem_for_mah": 1.0, "supplier_to_mah": 0.75, "exploring": 0.25, "none": 0,
  ]
  /// The need seeks an MAH and the company holds a marketing-authorisation licence.
  static let mahRole = 1.5
  /// The need seeks a manufacturer and the company makes things for others (`contractOfferings`).
  static let manufacturerRole = 1.0
  /// Added to `manufacturerRole` when the company also has a registered device manufacturing site.
  static let registeredSite = 0.5
  /// Offerings that make a company a manufacturing partner.
  static let contractOfferings: Set<String> = ["oem", "odm", "custom_machining", "parts_materials"]
}
