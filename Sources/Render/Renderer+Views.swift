import Assemble
import Decode
import Markdown
import Schema

extension Renderer {
  /// The same list page in every language, for hreflang alternates and the switch.
  func everyLanguage(_ url: (Language) -> String) -> [Language: String] {
    Dictionary(uniqueKeysWithValues: languages.map { ($0, url($0)) })
  }

  func homeView(_ language: Language) -> (String, String, Fields) {
    let url = prefix(language)
    var context = layout(
      title: nil, url: url, language: language, description: site.config.tagline[language], crumbs: [],
      currentSection: nil, alternates: everyLanguage(prefix))
    func block(_ heading: Labels, _ items: [Int], _ type: ContentType) -> Fields {
      [
        "heading": heading[language], "url": sectionURL(type, language), "see_all": UIStrings.seeAll[language],
        "items": items.map { card(localized($0, language), language: language) }, "empty": items.isEmpty,
        "empty_text": UIStrings.noneYet[language],
      ]
    }
    context["blocks"] = [
      block(UIStrings.upcomingSeminars, site.home.upcomingSeminars, ContentTypes.seminar),
      block(UIStrings.openNeeds, site.home.openNeeds, ContentTypes.need),
      block(UIStrings.latestNews, site.home.latestNews, ContentTypes.news),
      block(UIStrings.guides, site.home.guides, ContentTypes.guide),
    ]
    context["sections_label"] = UIStrings.sections[language]
    context["is_home"] = true
    return ("home", url, context)
  }

  func entryView(_ index: Int) -> (String, String, Fields) {
    let page = site.pages[index]
    let entry = page.entry
    let language = entry.language
    var context = layout(
      title: entry.title, url: page.url, language: language, description: page.summary,
      crumbs: [(entry.type.sectionLabel[language], sectionURL(entry.type, language)), (entry.title, page.url)],
      currentSection: entry.type.section, alternates: page.translations,
      fallbacks: everyLanguage { sectionURL(entry.type, $0) },
      structured: StructuredData.entry(page, absoluteURL: absolute(page.url), site: site),
      ogType: entry.type == ContentTypes.guide || entry.type == ContentTypes.news ? "article" : "website")
    context["entry"] = entryContext(page, language: language)
    return ("entry", page.url, context)
  }

  func entryContext(_ page: Page, language: Language) -> Fields {
    let entry = page.entry
    var context: Fields = [
      "title": entry.title,
      "type": entry.type.name,
      "type_label": entry.type.label[language],
      "published_label": UIStrings.published[language],
      "published": DateFormatting.date(entry.date, language),
      "published_iso": entry.date.description,
      "reading_time": UIStrings.fill(UIStrings.readingTime, language, ["n": String(page.document.readingMinutes)]),
      "badges": Badges.badges(for: entry, now: site.now, language: language),
      "facts": Facts.list(for: entry, language: language, now: site.now),
      "body": page.document.html,
      "glossary_label": UIStrings.termsExplained[language],
      "glossary_more": UIStrings.moreAboutTerm[language],
      "summary": page.summary,
    ]
    context["has_badges"] = !(context["badges"] as? [Fields] ?? []).isEmpty
    if let linker = glossaries[language] {
      let excluded = entry.type == ContentTypes.glossary ? entry.id : nil
      let (html, linked) = linker.link(page.document.html, excluding: excluded)
      context["body"] = html
      if !linked.isEmpty {
        context["has_glossary_terms"] = true
        context["glossary_terms"] = linked.map {
          ["id": $0.id, "title": $0.title, "definition": $0.definition, "url": $0.url]
        }
      }
    }
    if let updated = entry.date("updated") {
      context["updated_label"] = UIStrings.updated[language]
      context["updated"] = DateFormatting.date(updated, language)
      context["updated_iso"] = updated.description
    }
    if !(context["facts"] as? [Fields] ?? []).isEmpty { context["has_facts"] = true }
    let toc = page.document.toc
    if entry.type == ContentTypes.guide || toc.count >= 3 {
      if !toc.isEmpty {
        context["toc"] = [
          "label": UIStrings.contents[language],
          "items": nestedTOC(toc),
        ]
      }
    }
    var groups: [Fields] = []
    for taxonomy in Taxonomies.all {
      let values = entry.strings(taxonomy.field)
      guard !values.isEmpty else { continue }
      let terms: [Fields] = values.compactMap { value in
        guard let slug = termSlugs[taxonomy.field]?[value] else { return nil }
        let label = taxonomy.vocabulary?.label(value, in: language) ?? value
        return ["label": label, "url": termURL(taxonomy, slug: slug, language)]
      }
      groups.append(["label": taxonomy.label[language], "terms": terms])
    }
    if !groups.isEmpty {
      context["taxonomies"] = groups
      context["taxonomies_label"] = UIStrings.classifications[language]
    }
    if let matches = site.matches[index(of: page)], !matches.isEmpty {
      let seed = entry.string("kind") == "tech_seed"
      context["matches"] = [
        "heading": (seed ? UIStrings.matchingNeeds : UIStrings.matchingCompanies)[language],
        "note": UIStrings.matchingNote[language],
        "items": matches.map { match -> Fields in
          var item = cardDictionary(localized(match.page, language), language: language)
          item["reasons"] = match.reasons.map { MatchReasons.text($0, language) }
          return item
        },
      ]
    }
    if let related = site.related[index(of: page)], !related.isEmpty {
      context["related"] = [
        "heading": UIStrings.related[language],
        "items": related.map { card(localized($0, language), language: language) },
      ]
    }
    if entry.type == ContentTypes.seminar {
      context["ics"] = ["url": "/seminars/\(entry.id)/event.ics", "label": UIStrings.addToCalendar[language]]
    }
    if entry.isExample { context["example_notice"] = UIStrings.exampleNotice[language] }
    if entry.draft { context["draft_notice"] = UIStrings.draftNotice[language] }
    if entry.type == ContentTypes.guide {
      var guide: Fields = [
        "sources_label": UIStrings.sources[language],
        "sources": entry.objects("sources").map { source -> Fields in
          var item: Fields = ["title": source["title"]?.string ?? "", "url": source["url"]?.string ?? ""]
          if let publisher = source["publisher"]?.string { item["publisher"] = publisher }
          return item
        },
        "disclaimer": UIStrings.notLegalAdvice[language],
      ]
      if let reviewed = entry.date("last_reviewed") {
        guide["reviewed_label"] = UIStrings.lastReviewed[language]
        guide["reviewed"] = DateFormatting.date(reviewed, language)
        guide["reviewed_iso"] = reviewed.description
        if Timeline.isStale(reviewed: reviewed, now: site.now) {
          guide["stale_notice"] = UIStrings.staleNotice[language]
        }
      }
      context["guide"] = guide
    }
    if !page.translations.isEmpty {
      context["translations_label"] = UIStrings.translations[language]
      context["translations"] = page.translations.keys.sorted().compactMap { code -> Fields? in
        guard let url = page.translations[code] else { return nil }
        return ["lang": code.rawValue, "name": code.endonym, "url": url]
      }
    }
    return context
  }

  func sectionView(_ index: Int, page number: Int, _ language: Language) -> (String, String, Fields) {
    let section = site.sections[index]
    let url = sectionURL(section.type, page: number, language)
    let label = section.type.sectionLabel[language]
    let title = number > 1 ? "\(label)（\(UIStrings.fill(UIStrings.page, language, ["n": String(number)]))）" : label
    var context = layout(
      title: title, url: url, language: language, description: label,
      crumbs: [(label, sectionURL(section.type, language))], currentSection: section.type.section,
      alternates: everyLanguage { sectionURL(section.type, page: number, $0) })
    let slice = pageSlice(section.items, page: number)
    context["heading"] = label
    context["items"] = slice.map { card(localized($0, language), language: language) }
    context["empty"] = slice.isEmpty
    context["empty_text"] = UIStrings.noneYet[language]
    context["count"] = UIStrings.fill(UIStrings.count, language, ["n": String(section.items.count)])
    if section.type == ContentTypes.guide && number == 1 {
      context["comparison"] = classComparison(language)
    }
    if number == 1, searchIndex != nil,
      let filter = [ContentTypes.company: "company", ContentTypes.need: "need"][section.type]
    {
      context["search_filter"] = filter
    }
    if number == 1, case let links = formLinks(for: section.type, language), !links.isEmpty {
      context["form_links"] = ["items": links]
    }
    if section.type == ContentTypes.seminar && number == 1 {
      context["calendar_link"] = [
        "url": prefix(language) + "seminars/calendar/", "label": UIStrings.calendar[language],
      ]
    }
    if let pagination = pagination(
      current: number, total: pageCount(section.items.count), language: language,
      url: { sectionURL(section.type, page: $0, language) })
    {
      context["pagination"] = pagination
    }
    return ("list", url, context)
  }

  func taxonomyView(_ index: Int, _ language: Language) -> (String, String, Fields) {
    let taxonomy = site.taxonomies[index]
    let url = taxonomyURL(taxonomy.taxonomy, language)
    let label = taxonomy.taxonomy.label[language]
    var context = layout(
      title: label, url: url, language: language,
      description: UIStrings.fill(UIStrings.allTerms, language, ["name": label]), crumbs: [(label, url)],
      currentSection: nil, alternates: everyLanguage { taxonomyURL(taxonomy.taxonomy, $0) })
    context["heading"] = label
    context["terms"] = taxonomy.terms.map {
      [
        "label": $0.label[language], "url": termURL(taxonomy.taxonomy, slug: $0.slug, language),
        "count": UIStrings.fill(UIStrings.count, language, ["n": String($0.items.count)]),
      ]
    }
    return ("taxonomy", url, context)
  }

  func termView(_ taxonomyIndex: Int, _ termIndex: Int, page number: Int, _ language: Language) -> (
    String, String, Fields
  ) {
    let taxonomy = site.taxonomies[taxonomyIndex]
    let term = taxonomy.terms[termIndex]
    let url = termURL(taxonomy.taxonomy, slug: term.slug, page: number, language)
    let heading = UIStrings.fill(
      UIStrings.entriesFor, language, ["name": taxonomy.taxonomy.label[language], "term": term.label[language]])
    let title = number > 1 ? "\(heading)（\(UIStrings.fill(UIStrings.page, language, ["n": String(number)]))）" : heading
    var context = layout(
      title: title, url: url, language: language, description: heading,
      crumbs: [
        (taxonomy.taxonomy.label[language], taxonomyURL(taxonomy.taxonomy, language)),
        (term.label[language], termURL(taxonomy.taxonomy, slug: term.slug, language)),
      ],
      currentSection: nil, alternates: everyLanguage { termURL(taxonomy.taxonomy, slug: term.slug, page: number, $0) })
    let slice = pageSlice(term.items, page: number)
    context["heading"] = heading
    context["items"] = slice.map { card(localized($0, language), language: language) }
    context["count"] = UIStrings.fill(UIStrings.count, language, ["n": String(term.items.count)])
    if let pagination = pagination(
      current: number, total: pageCount(term.items.count), language: language,
      url: { termURL(taxonomy.taxonomy, slug: term.slug, page: $0, language) })
    {
      context["pagination"] = pagination
    }
    return ("list", url, context)
  }

  func notFoundView() -> (String, String, Fields) {
    let language = Language.default
    var context = layout(
      title: UIStrings.notFoundTitle[language], url: "/404.html", language: language,
      description: UIStrings.notFoundText[language], crumbs: [], currentSection: nil)
    context["heading"] = UIStrings.notFoundTitle[language]
    context["text"] = UIStrings.notFoundText[language]
    context["sections"] = site.sections.filter { !$0.items.isEmpty }.map {
      ["label": $0.type.sectionLabel[language], "url": sectionURL($0.type, language)]
    }
    return ("404", "/404.html", context)
  }

  func index(of page: Page) -> Int {
    pageByURL[page.url] ?? -1
  }

  /// The JP↔EU device-class table, generated from `DeviceClasses`.
  func classComparison(_ language: Language) -> Fields {
    [
      "heading": UIStrings.comparisonHeading[language],
      "note": UIStrings.comparisonNote[language],
      "columns": [
        UIStrings.comparisonJapan[language], UIStrings.comparisonCategory[language],
        UIStrings.comparisonPathway[language], UIStrings.comparisonEurope[language],
        UIStrings.comparisonExamples[language],
      ],
      "rows": DeviceClasses.japan.map { info -> Fields in
        let separator = language == .ja ? "、" : ", "
        return [
          "japan": Vocabularies.jpClasses.label(info.japan, in: language),
          "category": info.category[language],
          "pathways": info.pathways.map { Vocabularies.pathways.label($0, in: language) }.joined(separator: separator),
          "europe": info.europe.map { Vocabularies.euClasses.label($0, in: language) }.joined(separator: separator),
          "examples": info.examples[language],
        ]
      },
    ]
  }

  /// Upcoming seminars grouped by month, with the calendar feed to subscribe to.
  func calendarView(_ language: Language) -> (String, String, Fields) {
    let url = prefix(language) + "seminars/calendar/"
    let label = UIStrings.calendar[language]
    let seminars = site.sections.first { $0.type == ContentTypes.seminar }
    var context = layout(
      title: label, url: url, language: language, description: label,
      crumbs: [
        (ContentTypes.seminar.sectionLabel[language], sectionURL(ContentTypes.seminar, language)), (label, url),
      ],
      currentSection: ContentTypes.seminar.section, alternates: everyLanguage { prefix($0) + "seminars/calendar/" })
    var months: [Fields] = []
    var currentMonth: Int?
    for index in seminars?.items ?? [] where Timeline.seminarTiming(site.pages[index].entry, now: site.now) != .past {
      guard let start = site.pages[index].entry.datetime("start")?.at(offsetSeconds: DateTime.jstOffset) else {
        continue
      }
      let month = start.date.year * 100 + start.date.month
      if currentMonth != month {
        currentMonth = month
        months.append([
          "heading": DateFormatting.month(year: start.date.year, month: start.date.month, language),
          "items": [Any](),
        ])
      }
      if var last = months.popLast() {
        last["items"] =
          (last["items"] as? [Any] ?? []) + [card(localized(index, language), language: language)]
        months.append(last)
      }
    }
    context["heading"] = label
    context["months"] = months
    context["empty"] = months.isEmpty
    context["empty_text"] = UIStrings.noneYet[language]
    context["subscribe_label"] = UIStrings.subscribe[language]
    context["subscribe_help"] = UIStrings.subscribeHelp[language]
    context["feed_url"] = absolute("/seminars/calendar.ics")
    context["webcal_url"] = "webcal://" + absolute("/seminars/calendar.ics").drop { $0 != ":" }.dropFirst(3)
    return ("calendar", url, context)
  }

  func searchView(_ language: Language) -> (String, String, Fields) {
    let url = prefix(language) + "search/"
    let label = UIStrings.search[language]
    var context = layout(
      title: label, url: url, language: language, description: label, crumbs: [(label, url)], currentSection: nil,
      alternates: everyLanguage { prefix($0) + "search/" })
    context["heading"] = label
    context["search_placeholder"] = UIStrings.searchPlaceholder[language]
    context["noscript_text"] = UIStrings.searchNeedsScript[language]
    context["index_url"] = searchIndex ?? ""
    return ("search", url, context)
  }

  /// Level-3 headings nest under the level-2 heading before them.
  func nestedTOC(_ headings: [Heading]) -> [Fields] {
    var items: [Fields] = []
    var children: [Fields] = []
    func flush() {
      guard !children.isEmpty else { return }
      if var last = items.popLast() {
        last["children"] = children
        last["has_children"] = true
        items.append(last)
      } else {
        items += children
      }
      children = []
    }
    for heading in headings {
      let item: Fields = ["text": heading.text, "anchor": heading.anchor]
      if heading.level > 2 {
        children.append(item)
      } else {
        flush()
        items.append(item)
      }
    }
    flush()
    return items
  }

  func pageSlice(_ items: [Int], page: Int) -> ArraySlice<Int> {
    let size = site.config.pageSize
    let start = min(items.count, (page - 1) * size)
    return items[start..<min(items.count, start + size)]
  }
}
