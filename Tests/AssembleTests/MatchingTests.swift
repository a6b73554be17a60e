import Decode
import Load
import Markdown
import Schema
import Testing

@testable import Assemble

/// A need or company fixture: front matter given as enum lists and scalars.
private func posting(
  _ type: ContentType, _ id: String, _ language: Language = .ja, lists: [String: [String]] = [:],
  values: [String: String] = [:], flags: [String: Bool] = [:]
) -> (Entry, Document) {
  var fields: [String: FieldValue] = [:]
  for (name, items) in lists { fields[name] = .list(items.map { .string($0) }) }
  for (name, value) in values { fields[name] = .string(value) }
  for (name, flag) in flags { fields[name] = .bool(flag) }
  return entry(type, id, language, fields: fields)
}

/// Pages through the real assembler, and a lookup from entry id to page index.
private func assembled(_ items: [(Entry, Document)]) -> (pages: [Page], index: [String: Int]) {
  let (site, _) = Assembler.assemble(items, config: config, now: moment("2026-11-25T12:00:00+09:00"))
  var index: [String: Int] = [:]
  for (position, page) in site.pages.enumerated() where page.entry.language == .ja {
    index[page.entry.id] = position
  }
  return (site.pages, index)
}

@Suite struct MatchingTests {
  /// A NICU need: a sensor fixed to the skin of a very-low-birth-weight infant (class II), seeking a
  /// manufacturer and a marketing-authorisation holder.
  let nicu = posting(
    ContentTypes.need, "nicu-sensor",
    lists: [
      "tech_areas": ["sensors", "advanced_materials"], "clinical_areas": ["obstetrics_perinatal"],
      "focus_areas": ["perinatal_pediatric_preventive"], "jp_class": ["II"],
      "partners_sought": ["manufacturer", "mah"],
    ],
    values: ["kind": "clinical_need"])

  /// Six companies, from a perfect fit to one that shares nothing.
  var companies: [(Entry, Document)] {
    [
      // Both tech areas, the clinical area and the focus area, class II experience, ISO 13485,
      // OEM for device makers at a registered site: must rank first.
      posting(
        ContentTypes.company, "perinatal-oem",
        lists: [
          "tech_areas": ["advanced_materials", "sensors", "electronics"], "clinical_areas": ["obstetrics_perinatal"],
          "focus_areas": ["perinatal_pediatric_preventive"], "jp_class": ["II"],
          "certifications": ["iso9001", "iso13485"],
          "offerings": ["oem", "prototype_design"],
        ],
        values: ["medical_involvement": "oem_for_mah", "mah_license": "none"],
        flags: ["manufacturing_registration": true]),
      // Both tech areas but no medical credentials beyond ISO 9001; worked only on class III.
      posting(
        ContentTypes.company, "materials-explorer",
        lists: [
          "tech_areas": ["sensors", "advanced_materials"], "jp_class": ["III"], "certifications": ["iso9001"],
          "offerings": ["custom_machining"],
        ],
        values: ["medical_involvement": "exploring"]),
      // A device maker with an MAH licence, but only one shared tech area and no shared clinical area.
      posting(
        ContentTypes.company, "device-maker",
        lists: [
          "tech_areas": ["sensors", "software_ai"], "clinical_areas": ["pediatrics"],
          "focus_areas": ["perinatal_pediatric_preventive"], "jp_class": ["I", "II"], "certifications": ["iso13485"],
          "offerings": ["own_product"],
        ],
        values: ["medical_involvement": "own_devices", "mah_license": "second"],
        flags: ["manufacturing_registration": true]),
      // Shares only the clinical area.
      posting(
        ContentTypes.company, "perinatal-software",
        lists: [
          "tech_areas": ["software_ai"], "clinical_areas": ["obstetrics_perinatal"], "offerings": ["prototype_design"],
        ],
        values: ["medical_involvement": "none"]),
      // Excellent credentials, but neither a tech area nor a clinical area in common: not listed.
      posting(
        ContentTypes.company, "implant-maker",
        lists: [
          "tech_areas": ["metal_processing"], "clinical_areas": ["orthopedics"],
          "focus_areas": ["perinatal_pediatric_preventive"], "jp_class": ["II", "III"], "certifications": ["iso13485"],
          "offerings": ["own_product", "oem"],
        ],
        values: ["medical_involvement": "own_devices", "mah_license": "first"],
        flags: ["manufacturing_registration": true]),
      // Shares nothing at all.
      posting(
        ContentTypes.company, "sheet-metal",
        lists: ["tech_areas": ["metal_processing", "assembly"], "offerings": ["custom_machining"]],
        values: ["medical_involvement": "none"]),
    ]
  }

  @Test func theNICUNeedRanksTheFullFitFirstAndListsWhy() throws {
    // A seminar on the same technology is among the candidates but is not a company.
    let seminar = posting(
      ContentTypes.seminar, "sensor-seminar", lists: ["tech_areas": ["sensors", "advanced_materials"]])
    let (pages, index) = assembled([nicu, seminar] + companies)
    let need = try #require(index["nicu-sensor"])
    let matches = Matching.companies(for: need, in: pages, candidates: Array(pages.indices))
    // perinatal-oem: 2 tech (8) + focus (0.75) + clinical (1.5) + class II (1) + ISO 13485 for class II
    //   (1.5) + OEM for MAH (1) + manufacturer with a registered site (1.5) = 15.25
    // materials-explorer: 2 tech (8) + only higher class III (0.5) + ISO 9001 (0.25) + exploring (0.25)
    //   + contract machining, not registered (1) = 10.0: two shared tech areas outweigh credentials
    // device-maker: 1 tech (4) + focus (0.75) + class II (1) + ISO 13485 (1.5) + own devices (1)
    //   + MAH licence (1.5); it makes no products for others, so no manufacturer role = 9.75
    // perinatal-software: clinical area only (1.5)
    #expect(
      matches.map { pages[$0.page].entry.id } == [
        "perinatal-oem", "materials-explorer", "device-maker", "perinatal-software",
      ])
    #expect(matches.map(\.score) == [15.25, 10.0, 9.75, 1.5])
    #expect(
      matches.first?.reasons == [
        Reason(kind: .sharedTechAreas, values: ["sensors", "advanced_materials"]),
        Reason(kind: .sharedFocusAreas, values: ["perinatal_pediatric_preventive"]),
        Reason(kind: .sharedClinicalAreas, values: ["obstetrics_perinatal"]),
        Reason(kind: .deviceClassExperience, values: ["II"]),
        Reason(kind: .certification, values: ["iso13485"]),
        Reason(kind: .medicalInvolvement, values: ["oem_for_mah"]),
        Reason(kind: .partnerRole, values: ["manufacturer"]),
      ])
    #expect(
      matches[1].reasons == [
        Reason(kind: .sharedTechAreas, values: ["sensors", "advanced_materials"]),
        Reason(kind: .deviceClassExperience, values: ["III"]),
        Reason(kind: .certification, values: ["iso9001"]),
        Reason(kind: .medicalInvolvement, values: ["exploring"]),
        Reason(kind: .partnerRole, values: ["manufacturer"]),
      ])
    #expect(
      matches[2].reasons == [
        Reason(kind: .sharedTechAreas, values: ["sensors"]),
        Reason(kind: .sharedFocusAreas, values: ["perinatal_pediatric_preventive"]),
        Reason(kind: .deviceClassExperience, values: ["II"]),
        Reason(kind: .certification, values: ["iso13485"]),
        Reason(kind: .medicalInvolvement, values: ["own_devices"]),
        Reason(kind: .partnerRole, values: ["mah"]),
      ])
    #expect(matches[3].reasons == [Reason(kind: .sharedClinicalAreas, values: ["obstetrics_perinatal"])])
    let listed = Set(matches.map { pages[$0.page].entry.id })
    #expect(!listed.contains("implant-maker") && !listed.contains("sheet-metal"), "sharing nothing is not a match")
  }

  @Test func limitCandidateOrderAndRepetitionDoNotChangeTheRanking() throws {
    let (pages, index) = assembled([nicu] + companies)
    let need = try #require(index["nicu-sensor"])
    let all = Array(pages.indices)
    let best = Matching.companies(for: need, in: pages, candidates: all)
    #expect(Matching.companies(for: need, in: pages, candidates: all.reversed() + all) == best)
    #expect(Matching.companies(for: need, in: pages, candidates: all, limit: 2) == Array(best.prefix(2)))
    #expect(Matching.companies(for: need, in: pages, candidates: all, limit: 0).isEmpty)
    #expect(Matching.companies(for: need, in: pages, candidates: [-1, 99, need]).isEmpty, "invalid or itself")
    #expect(Matching.companies(for: 99, in: pages, candidates: all).isEmpty)
  }

  @Test func equalScoresAreBrokenByEntryID() {
    // Built by hand so that the later id comes first in `pages` and in `candidates`.
    let twin = { (id: String) in
      posting(
        ContentTypes.company, id,
        lists: ["tech_areas": ["optics"], "offerings": ["oem"], "certifications": ["iso13485"]],
        values: ["medical_involvement": "supplier_to_mah"])
    }
    let need = posting(
      ContentTypes.need, "lens", lists: ["tech_areas": ["optics"], "jp_class": ["I"]],
      values: ["kind": "partnership_request"])
    let pages = [twin("zeta-optics"), need, twin("alpha-optics")].map {
      Page(entry: $0.0, document: $0.1, url: Page.url(section: $0.0.type.section, id: $0.0.id, language: .ja))
    }
    let matches = Matching.companies(for: 1, in: pages, candidates: [0, 2])
    // optics (4) + ISO 13485 for a class I need seeking no MAH or manufacturer (0.5) + supplier (0.75)
    #expect(matches.map(\.score) == [5.25, 5.25])
    #expect(matches.map(\.page) == [2, 0], "alpha-optics before zeta-optics")
  }

  @Test func aSeedIsMatchedToClinicalNeeds() throws {
    let seed = posting(
      ContentTypes.need, "seed-laser",
      lists: [
        "tech_areas": ["laser_photonics", "ultra_precision_machining"], "clinical_areas": ["cardiology"],
        "focus_areas": ["minimally_invasive"], "jp_class": ["III"],
      ],
      values: ["kind": "tech_seed"])
    let items = [
      seed,
      posting(
        ContentTypes.need, "catheter-holes",
        lists: [
          "tech_areas": ["ultra_precision_machining", "laser_photonics"], "clinical_areas": ["cardiology", "surgery"],
          "focus_areas": ["minimally_invasive"], "jp_class": ["III", "IV"],
        ],
        values: ["kind": "clinical_need"]),
      posting(
        ContentTypes.need, "skin-laser", lists: ["tech_areas": ["laser_photonics"], "clinical_areas": ["dermatology"]],
        values: ["kind": "clinical_need"]),
      posting(
        ContentTypes.need, "heart-monitor", lists: ["tech_areas": ["sensors"], "clinical_areas": ["cardiology"]],
        values: ["kind": "clinical_need"]),
      posting(
        ContentTypes.need, "unrelated", lists: ["tech_areas": ["plastics_molding"], "clinical_areas": ["nursing"]],
        values: ["kind": "clinical_need"]),
      // Same technology, but a partnership request and another seed are not clinical needs.
      posting(
        ContentTypes.need, "assembly-partner", lists: ["tech_areas": ["laser_photonics"]],
        values: ["kind": "partnership_request"]),
      posting(
        ContentTypes.need, "other-seed", lists: ["tech_areas": ["laser_photonics"]], values: ["kind": "tech_seed"]),
      posting(ContentTypes.company, "laser-shop", lists: ["tech_areas": ["laser_photonics"]]),
    ]
    let (pages, index) = assembled(items)
    let seedIndex = try #require(index["seed-laser"])
    let matches = Matching.needs(for: seedIndex, in: pages, candidates: Array(pages.indices))
    #expect(matches.map { pages[$0.page].entry.id } == ["catheter-holes", "skin-laser", "heart-monitor"])
    // 2 tech (8) + focus (0.75) + cardiology (1.5) + class III (1); one tech (4); cardiology (1.5)
    #expect(matches.map(\.score) == [11.25, 4, 1.5])
    #expect(
      matches.first?.reasons == [
        Reason(kind: .sharedTechAreas, values: ["laser_photonics", "ultra_precision_machining"]),
        Reason(kind: .sharedFocusAreas, values: ["minimally_invasive"]),
        Reason(kind: .sharedClinicalAreas, values: ["cardiology"]),
        Reason(kind: .deviceClassExperience, values: ["III"]),
      ])
    // Each function answers only for its own kind of posting.
    #expect(Matching.companies(for: seedIndex, in: pages, candidates: Array(pages.indices)).isEmpty)
    let need = try #require(index["catheter-holes"])
    #expect(Matching.needs(for: need, in: pages, candidates: Array(pages.indices)).isEmpty)
  }

  @Test func theHighestNeedClassAndSoughtRolesDecideHowMuchISO13485Counts() {
    let company = posting(
      ContentTypes.company, "c", lists: ["tech_areas": ["optics"], "certifications": ["iso13485"]])
    func score(_ lists: [String: [String]]) -> Double? {
      let need = posting(ContentTypes.need, "n", lists: ["tech_areas": ["optics"]].merging(lists) { $1 })
      return Matching.companyFit(need: need.0, company: company.0)?.0
    }
    #expect(score([:]) == 4.5)
    #expect(score(["jp_class": ["I"]]) == 4.5)
    #expect(score(["jp_class": ["I", "III"]]) == 5.5)
    #expect(score(["partners_sought": ["academia"]]) == 4.5)
    #expect(score(["partners_sought": ["mah"]]) == 5.5)
  }
}
