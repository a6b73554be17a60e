import Assemble
import Schema

extension Renderer {
  /// What the base layout needs on every page.
  /// - Parameters:
  ///   - alternates: the same page in other languages (hreflang alternates and the language switch).
  ///   - fallbacks: where the switch goes for a language the page has no version in; it says so.
  func layout(
    title: String?, url: String, language: Language, description: String, crumbs: [(String, String)],
    currentSection: String?, alternates: [Language: String] = [:], fallbacks: [Language: String] = [:],
    structured: [String: Any]? = nil, ogType: String = "website"
  ) -> [String: Any] {
    let siteTitle = site.config.title[language]
    let nav: [[String: Any]] = site.sections.filter { $0.type != ContentTypes.page && !$0.items.isEmpty }.map {
      [
        "label": $0.type.sectionLabel[language], "url": sectionURL($0.type, language),
        "current": $0.type.section == currentSection,
      ]
    }
    let about: [[String: Any]] = site.menu.map {
      let page = site.pages[$0]
      return ["label": page.entry.title, "url": page.url, "current": page.url == url]
    }
    var languages: [[String: Any]] = []
    var alternateLinks: [[String: Any]] = []
    var all = alternates
    all[language] = url
    for code in self.languages {
      if let target = all[code] {
        let item: [String: Any] = [
          "code": code.rawValue, "name": code.endonym, "url": target, "current": code == language,
          "absolute": absolute(target),
        ]
        languages.append(item)
        alternateLinks.append(item)
      } else if let fallback = fallbacks[code] {
        languages.append([
          "code": code.rawValue, "name": code.endonym, "url": fallback, "current": false, "missing": true,
          "missing_label": UIStrings.notTranslated[language],
        ])
      }
    }
    var context: [String: Any] = [
      "lang": language.rawValue,
      "site_title": siteTitle,
      "tagline": site.config.tagline[language],
      "title": title ?? siteTitle,
      "full_title": title.map { "\($0) | \(siteTitle)" } ?? siteTitle,
      "description": description,
      "canonical": absolute(url),
      "asset": assetContext,
      "nav": nav,
      "about_nav": about,
      "main_menu_label": UIStrings.mainMenu[language],
      "skip_label": UIStrings.skipToContent[language],
      "breadcrumb_label": UIStrings.breadcrumb[language],
      "footer_note": UIStrings.footerNote[language],
      "motto": UIStrings.motto[language],
      "home_url": prefix(language),
      "search_url": prefix(language) + "search/",
      "search_label": UIStrings.search[language],
      "search_button": UIStrings.searchButton[language],
      "home_label": UIStrings.home[language],
      "year": String(site.now.at(offsetSeconds: DateTime.jstOffset).date.year),
    ]
    context["has_about_nav"] = !about.isEmpty
    if alternateLinks.count > 1 { context["alternates"] = alternateLinks }
    if languages.count > 1 {
      context["has_languages"] = true
      context["languages"] = languages
      context["language_label"] = UIStrings.languageSwitch[language]
    }
    if let currentSection, let type = ContentTypes.withFeeds.first(where: { $0.section == currentSection }) {
      context["section_feed"] = [
        "title": "\(type.sectionLabel[language]) | \(siteTitle)", "atom": "/\(currentSection)/feed.xml",
        "json": "/\(currentSection)/feed.json",
      ]
    }
    if let searchIndex { context["search_index"] = searchIndex }
    var graph: [[String: Any]] = []
    if let structured { graph.append(structured) }
    let trail = [(UIStrings.home[language], prefix(language))] + crumbs
    if !crumbs.isEmpty {
      graph.append(StructuredData.breadcrumbs(trail.map { ($0.0, absolute($0.1)) }))
    }
    if let json = StructuredData.json(graph) { context["json_ld"] = json }
    context["og_type"] = ogType
    context["og_locale"] = ["ja": "ja_JP", "en": "en_GB", "de": "de_DE"][language.rawValue] ?? "ja_JP"
    if !crumbs.isEmpty {
      var items: [[String: Any]] = [["label": UIStrings.home[language], "url": prefix(language)]]
      items += crumbs.map { ["label": $0.0, "url": $0.1] }
      if var last = items.popLast() {
        last["current"] = true
        items.append(last)
      }
      context["crumbs"] = items
      context["has_crumbs"] = true
    }
    return context
  }

  var assetContext: [String: String] {
    var context: [String: String] = [:]
    for (name, url) in theme.assetURLs {
      context[name.map { $0.isLetter || $0.isNumber ? String($0) : "_" }.joined()] = url
    }
    return context
  }

  func absolute(_ url: String) -> String {
    site.config.baseURL + (url.hasPrefix("/") ? String(url.dropFirst()) : url)
  }

  /// A list item for any entry: what cards on lists and the home page show.
  func card(_ index: Int, language: Language) -> [String: Any] {
    let page = site.pages[index]
    let entry = page.entry
    var card: [String: Any] = [
      "title": entry.title,
      "url": page.url,
      "summary": page.summary,
      "type_label": entry.type.label[language],
      "badges": Badges.badges(for: entry, now: site.now, language: language),
      "date": DateFormatting.date(entry.date, language),
      "datetime": entry.date.description,
    ]
    if entry.language != language { card["card_lang"] = entry.language.rawValue }
    card["has_badges"] = !(card["badges"] as? [[String: Any]] ?? []).isEmpty
    var meta: [String] = []
    switch entry.type {
    case ContentTypes.seminar:
      if let start = entry.datetime("start"), let end = entry.datetime("end") {
        meta.append(DateFormatting.range(start, end, language))
        card["date"] = DateFormatting.date(start.at(offsetSeconds: DateTime.jstOffset).date, language)
        card["datetime"] = start.description
      }
      if let venue = entry.string("venue") { meta.append(venue) }
    case ContentTypes.company:
      if let location = entry.string("location") { meta.append(location) }
      let areas = entry.strings("tech_areas").map { Vocabularies.techAreas.label($0, in: language) }
      if !areas.isEmpty { meta.append(areas.joined(separator: language == .ja ? "・" : ", ")) }
    case ContentTypes.need:
      if let expires = entry.date("expires"), let label = ContentTypes.need.field(named: "expires")?.label {
        meta.append("\(label[language]): \(DateFormatting.date(expires, language))")
      }
    case ContentTypes.glossary:
      if let reading = entry.string("reading") { meta.append(reading) }
      if let english = entry.string("en") { meta.append(english) }
    default:
      break
    }
    card["meta"] = meta.joined(separator: " ／ ")
    card["has_meta"] = !meta.isEmpty
    return card
  }

  /// Page links for a paginated list.
  func pagination(current: Int, total: Int, language: Language, url: (Int) -> String) -> [String: Any]? {
    guard total > 1 else { return nil }
    var context: [String: Any] = [
      "label": UIStrings.pagination[language],
      "pages": (1...total).map { number -> [String: Any] in
        [
          "number": String(number), "url": url(number), "current": number == current,
          "label": UIStrings.fill(UIStrings.page, language, ["n": String(number)]),
        ]
      },
    ]
    if current > 1 { context["prev"] = ["url": url(current - 1), "label": UIStrings.previous[language]] }
    if current < total { context["next"] = ["url": url(current + 1), "label": UIStrings.next[language]] }
    return context
  }
}
