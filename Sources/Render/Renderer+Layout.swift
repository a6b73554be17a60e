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
    structured: JSONLD? = nil, ogType: String = "website"
  ) -> Fields {
    let siteTitle = site.config.title[language]
    var languages: [Fields] = []
    var alternateLinks: [Fields] = []
    var all = alternates
    all[language] = url
    for code in self.languages {
      if let target = all[code] {
        let item: Fields = [
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
    var context = layouts.shared(language) { sharedLayout(language) }
    context["title"] = title ?? siteTitle
    context["full_title"] = title.map { "\($0) | \(siteTitle)" } ?? siteTitle
    context["description"] = description
    context["canonical"] = absolute(url)
    context["nav"] = layouts.nav(language, section: currentSection) {
      mainNav(language, currentSection: currentSection)
    }
    if layouts.menuURLs.contains(url) { context["about_nav"] = aboutNav(language, current: url) }
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
    var graph: [JSONLD] = []
    if let structured { graph.append(structured) }
    let trail = [(UIStrings.home[language], prefix(language))] + crumbs
    if !crumbs.isEmpty {
      graph.append(StructuredData.breadcrumbs(trail.map { ($0.0, absolute($0.1)) }))
    }
    if let json = StructuredData.json(graph) { context["json_ld"] = json }
    context["og_type"] = ogType
    context["og_locale"] = ["ja": "ja_JP", "en": "en_GB", "de": "de_DE"][language.rawValue] ?? "ja_JP"
    if !crumbs.isEmpty {
      var items: [Fields] = [["label": UIStrings.home[language], "url": prefix(language)]]
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

  /// The footer's links to the about pages, `current` marking the one shown.
  func aboutNav(_ language: Language, current url: String?) -> [Fields] {
    site.menu.map {
      let page = site.pages[$0]
      return ["label": page.entry.title, "url": page.url, "current": page.url == url]
    }
  }

  /// The main navigation, `current` marking the section shown.
  func mainNav(_ language: Language, currentSection: String?) -> [Fields] {
    site.sections.filter { $0.type != ContentTypes.page && !$0.items.isEmpty }.map {
      [
        "label": $0.type.sectionLabel[language], "url": sectionURL($0.type, language),
        "current": $0.type.section == currentSection,
      ]
    }
  }

  /// What the layout shows the same on every page of a language.
  func sharedLayout(_ language: Language) -> Fields {
    let siteTitle = site.config.title[language]
    let about = aboutNav(language, current: nil)
    var context: Fields = [
      "lang": language.rawValue,
      "site_title": siteTitle,
      "tagline": site.config.tagline[language],
      "asset": assetContext,
      "about_nav": about,
      "has_about_nav": !about.isEmpty,
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
    if let searchIndex { context["search_index"] = searchIndex }
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

  /// A list item for any entry: what cards on lists and the home page show, with `card_html`, the
  /// theme's `card` template rendered for it, so lists insert it with `{{{card_html}}}` instead of
  /// rendering the same card again on every list it appears in.
  func card(_ index: Int, language: Language) -> CardView {
    CardView(html: cardHTML(index, language: language)) { self.cardFields(index, language: language) }
  }

  /// The same card as a dictionary, for a list that adds fields of its own to each item.
  func cardDictionary(_ index: Int, language: Language) -> Fields {
    var card = cardFields(index, language: language)
    card["card_html"] = cardHTML(index, language: language)
    return card
  }

  private func cardHTML(_ index: Int, language: Language) -> String? {
    guard hasCardTemplate else { return nil }
    return cards.html(CardCache.Key(page: index, language: language)) {
      // The partial's own line break is the list template's, as with `{{> card}}` on its own line.
      var html = theme.render(cardFields(index, language: language), withTemplate: "card") ?? ""
      if html.hasSuffix("\n") { html.removeLast() }
      return html
    }
  }

  func cardFields(_ index: Int, language: Language) -> Fields {
    let page = site.pages[index]
    let entry = page.entry
    var card: Fields = [
      "title": entry.title,
      "url": page.url,
      "summary": page.summary,
      "type_label": entry.type.label[language],
      "badges": Badges.badges(for: entry, now: site.now, language: language),
      "date": DateFormatting.date(entry.date, language),
      "datetime": entry.date.description,
    ]
    if entry.language != language { card["card_lang"] = entry.language.rawValue }
    card["has_badges"] = !(card["badges"] as? [Fields] ?? []).isEmpty
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
  func pagination(current: Int, total: Int, language: Language, url: (Int) -> String) -> Fields? {
    guard total > 1 else { return nil }
    var context: Fields = [
      "label": UIStrings.pagination[language],
      "pages": Self.paginationWindow(current: current, total: total).map { number -> Fields in
        guard let number else { return ["gap": true] }
        return [
          "number": String(number), "url": url(number), "current": number == current, "gap": false,
          "label": UIStrings.fill(UIStrings.page, language, ["n": String(number)]),
        ]
      },
    ]
    if current > 1 { context["prev"] = ["url": url(current - 1), "label": UIStrings.previous[language]] }
    if current < total { context["next"] = ["url": url(current + 1), "label": UIStrings.next[language]] }
    return context
  }

  /// The page numbers a list links: the first, the last and two either side of the current one;
  /// `nil` stands for the pages left out between them. A list with hundreds of pages would
  /// otherwise repeat hundreds of links on every one of its pages.
  static func paginationWindow(current: Int, total: Int, radius: Int = 2) -> [Int?] {
    let shown = Set([1, total]).union(max(1, current - radius)...min(total, current + radius))
    var numbers: [Int?] = []
    for number in shown.sorted() {
      if let last = numbers.last, let previous = last, number > previous + 1 {
        numbers.append(number == previous + 2 ? previous + 1 : nil)
      }
      numbers.append(number)
    }
    return numbers
  }
}
