import Assemble
import Decode
import Foundation
import Schema

/// schema.org JSON-LD for a page: BreadcrumbList everywhere, Event for seminars, Organization
/// for companies, Article for guides and news.
enum StructuredData {
  static func json(_ objects: [[String: Any]]) -> String? {
    guard !objects.isEmpty else { return nil }
    let graph: [String: Any] = ["@context": "https://schema.org", "@graph": objects]
    return JSONLDText.encode(graph)
  }

  static func breadcrumbs(_ crumbs: [(String, String)]) -> [String: Any] {
    [
      "@type": "BreadcrumbList",
      "itemListElement": crumbs.enumerated().map { index, crumb in
        ["@type": "ListItem", "position": index + 1, "name": crumb.0, "item": crumb.1] as [String: Any]
      },
    ]
  }

  static func entry(_ page: Page, absoluteURL: String, site: Site) -> [String: Any]? {
    let entry = page.entry
    let publisher: [String: Any] = ["@type": "Organization", "name": site.config.title[entry.language]]
    switch entry.type {
    case ContentTypes.seminar:
      guard let start = entry.datetime("start"), let end = entry.datetime("end") else { return nil }
      var event: [String: Any] = [
        "@type": "Event", "name": entry.title, "startDate": start.description, "endDate": end.description,
        "url": absoluteURL, "description": page.summary, "inLanguage": entry.language.rawValue,
        "eventAttendanceMode": "https://schema.org/" + attendanceMode(entry.string("attendance")),
        "eventStatus": "https://schema.org/" + eventStatus(entry.string("status")),
        "organizer": ["@type": "Organization", "name": entry.string("organizer") ?? site.config.title.ja],
      ]
      var locations: [[String: Any]] = []
      if let venue = entry.string("venue") {
        var place: [String: Any] = ["@type": "Place", "name": venue]
        place["address"] = entry.string("address") ?? venue
        locations.append(place)
      }
      if let online = entry.string("online_url") {
        locations.append(["@type": "VirtualLocation", "url": online])
      }
      if !locations.isEmpty { event["location"] = locations.count == 1 ? locations[0] : locations }
      if let registration = entry.string("registration_url") {
        var offer: [String: Any] = ["@type": "Offer", "url": registration]
        if let fee = entry.string("fee") { offer["description"] = fee }
        if let deadline = entry.date("registration_deadline") { offer["validThrough"] = deadline.description }
        event["offers"] = offer
      }
      return event
    case ContentTypes.company:
      var organization: [String: Any] = [
        "@type": "Organization", "name": entry.title, "url": absoluteURL, "description": page.summary,
      ]
      if let location = entry.string("location") {
        organization["address"] = ["@type": "PostalAddress", "addressLocality": location, "addressCountry": "JP"]
      }
      if let founded = entry.int("founded") { organization["foundingDate"] = String(founded) }
      if let employees = entry.int("employees") {
        organization["numberOfEmployees"] = ["@type": "QuantitativeValue", "value": employees]
      }
      return organization
    case ContentTypes.guide, ContentTypes.news:
      var article: [String: Any] = [
        "@type": "Article", "headline": entry.title, "datePublished": entry.date.description,
        "dateModified": (entry.date("updated") ?? entry.date).description, "inLanguage": entry.language.rawValue,
        "url": absoluteURL, "description": page.summary, "publisher": publisher, "author": publisher,
      ]
      if entry.type == ContentTypes.guide {
        article["citation"] = entry.objects("sources").compactMap { $0["url"]?.string }
      }
      return article
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
