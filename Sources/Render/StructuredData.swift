import Assemble
import Decode
import Schema

/// schema.org JSON-LD for a page: BreadcrumbList everywhere, Event for seminars, Organization
/// for companies, Article for guides and news.
enum StructuredData {
  static func json(_ objects: [JSONLD]) -> String? {
    guard !objects.isEmpty else { return nil }
    return JSONLDText.encode(["@context": "https://schema.org", "@graph": .array(objects)])
  }

  static func breadcrumbs(_ crumbs: [(String, String)]) -> JSONLD {
    [
      "@type": "BreadcrumbList",
      "itemListElement": .array(
        crumbs.enumerated().map { index, crumb in
          ["@type": "ListItem", "position": .int(index + 1), "name": .string(crumb.0), "item": .string(crumb.1)]
        }),
    ]
  }

  static func entry(_ page: Page, absoluteURL: String, site: Site) -> JSONLD? {
    let entry = page.entry
    let publisher: JSONLD = ["@type": "Organization", "name": .string(site.config.title[entry.language])]
    switch entry.type {
    case ContentTypes.seminar:
      guard let start = entry.datetime("start"), let end = entry.datetime("end") else { return nil }
      var event: [String: JSONLD] = [
        "@type": "Event", "name": .string(entry.title), "startDate": .string(start.description),
        "endDate": .string(end.description), "url": .string(absoluteURL), "description": .string(page.summary),
        "inLanguage": .string(entry.language.rawValue),
        "eventAttendanceMode": .string("https://schema.org/" + attendanceMode(entry.string("attendance"))),
        "eventStatus": .string("https://schema.org/" + eventStatus(entry.string("status"))),
        "organizer": ["@type": "Organization", "name": .string(entry.string("organizer") ?? site.config.title.ja)],
      ]
      var locations: [JSONLD] = []
      if let venue = entry.string("venue") {
        locations.append([
          "@type": "Place", "name": .string(venue), "address": .string(entry.string("address") ?? venue),
        ])
      }
      if let online = entry.string("online_url") {
        locations.append(["@type": "VirtualLocation", "url": .string(online)])
      }
      if !locations.isEmpty { event["location"] = locations.count == 1 ? locations[0] : .array(locations) }
      if let registration = entry.string("registration_url") {
        var offer: [String: JSONLD] = ["@type": "Offer", "url": .string(registration)]
        if let fee = entry.string("fee") { offer["description"] = .string(fee) }
        if let deadline = entry.date("registration_deadline") { offer["validThrough"] = .string(deadline.description) }
        event["offers"] = .object(offer)
      }
      return .object(event)
    case ContentTypes.company:
      var organization: [String: JSONLD] = [
        "@type": "Organization", "name": .string(entry.title), "url": .string(absoluteURL),
        "description": .string(page.summary),
      ]
      if let location = entry.string("location") {
        organization["address"] = [
          "@type": "PostalAddress", "addressLocality": .string(location), "addressCountry": "JP",
        ]
      }
      if let founded = entry.int("founded") { organization["foundingDate"] = .string(String(founded)) }
      if let employees = entry.int("employees") {
        organization["numberOfEmployees"] = ["@type": "QuantitativeValue", "value": .int(employees)]
      }
      return .object(organization)
    case ContentTypes.guide, ContentTypes.news:
      var article: [String: JSONLD] = [
        "@type": "Article", "headline": .string(entry.title), "datePublished": .string(entry.date.description),
        "dateModified": .string((entry.date("updated") ?? entry.date).description),
        "inLanguage": .string(entry.language.rawValue), "url": .string(absoluteURL),
        "description": .string(page.summary), "publisher": publisher, "author": publisher,
      ]
      if entry.type == ContentTypes.guide {
        article["citation"] = .array(entry.objects("sources").compactMap { $0["url"]?.string }.map(JSONLD.string))
      }
      return .object(article)
    default:
      return nil
    }
  }

  static func attendanceMode(_ value: String?) -> String {
    switch value {
    case "online": "OnlineEventAttendanceMode"
    case "mixed": "MixedEventAttendanceMode"
    default: "OfflineEventAttendanceMode"
    }
  }

  static func eventStatus(_ value: String?) -> String {
    switch value {
    case "cancelled": "EventCancelled"
    case "postponed": "EventPostponed"
    case "rescheduled": "EventRescheduled"
    case "moved_online": "EventMovedOnline"
    default: "EventScheduled"
    }
  }
}
