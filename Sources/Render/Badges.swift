import Assemble
import Decode
import Schema

/// Short status labels on cards and entry pages. `kind` picks the colour in the theme.
enum Badges {
  static func badges(for entry: Entry, now: DateTime, language: Language) -> [Fields] {
    var badges: [Fields] = []
    func add(_ label: String, _ kind: String) { badges.append(["label": label, "kind": kind]) }
    if entry.draft { add(UIStrings.draftNotice[language], "draft") }
    switch entry.type {
    case ContentTypes.seminar:
      let status = entry.string("status") ?? "scheduled"
      if status != "scheduled" {
        add(Vocabularies.seminarStatus.label(status, in: language), status == "moved_online" ? "notice" : "closed")
      }
      switch Timeline.seminarTiming(entry, now: now) {
      case .upcoming:
        if status != "cancelled" && status != "postponed" {
          add(UIStrings.timingUpcoming[language], "upcoming")
          switch Timeline.registration(entry, now: now) {
          case .open: add(UIStrings.registrationOpen[language], "open")
          case .closingSoon: add(UIStrings.registrationClosingSoon[language], "notice")
          case .closed: add(UIStrings.registrationClosed[language], "closed")
          }
        }
      case .ongoing: add(UIStrings.timingOngoing[language], "upcoming")
      case .past: add(UIStrings.timingPast[language], "past")
      }
      if let attendance = entry.string("attendance") {
        add(Vocabularies.attendance.label(attendance, in: language), "neutral")
      }
    case ContentTypes.need:
      if let kind = entry.string("kind") { add(Vocabularies.needKinds.label(kind, in: language), "neutral") }
      let status = Timeline.needStatus(entry, now: now)
      add(
        Vocabularies.needStatus.label(status, in: language),
        status == "open" ? "open" : (status == "in_discussion" ? "notice" : "closed"))
    case ContentTypes.news:
      if let category = entry.string("category") {
        add(Vocabularies.newsCategories.label(category, in: language), "neutral")
      }
    case ContentTypes.guide:
      if let jurisdiction = entry.string("jurisdiction") {
        add(Vocabularies.jurisdictions.label(jurisdiction, in: language), "neutral")
      }
    case ContentTypes.company:
      if let involvement = entry.string("medical_involvement") {
        add(Vocabularies.medicalInvolvement.label(involvement, in: language), "neutral")
      }
    default:
      break
    }
    if entry.isExample { add(UIStrings.example[language], "example") }
    return badges
  }
}
