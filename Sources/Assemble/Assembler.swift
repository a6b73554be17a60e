import Decode
import Diagnostics
import Foundation
import Load
import Markdown
import Schema

/// The assembling stage: groups rendered entries into the site's sections, translations,
/// taxonomy terms and home-page selections. A pure function of its input.
public enum Assembler {
  public static func assemble(
    _ rendered: [(Entry, Document)], config: SiteConfig, now: DateTime, staticFiles: [String] = []
  ) -> (Site, [Diagnostic]) {
    var (site, diagnostics, relations) = assembleLeavingRelations(
      rendered, config: config, now: now, staticFiles: staticFiles)
    (site.related, site.matches) = relations.compute()
    return (site, diagnostics)
  }

  /// Related entries and need matches, computed apart from the rest of assembling: the build finds
  /// them while the search index is made. Holds the pages without their bodies, HTML and plain text.
  public struct Relations: Sendable {
    let pages: [Page]
    let primary: [Int]
    /// The page indices of each entry's language versions, by `section/id`: they share one list.
    let versions: [String: [Int]]
    let now: DateTime

    /// `Site.related`: every version of an entry gets the list of its primary version.
    func related() -> [Int: [Int]] {
      let found = Related.compute(pages: pages, primary: primary)
      var related: [Int: [Int]] = [:]
      for indices in versions.values {
        guard let key = indices.first(where: { found[$0] != nil }), let list = found[key] else { continue }
        for index in indices { related[index] = list }
      }
      return related
    }

    /// `Site.matches`.
    func matches() -> [Int: [Match]] {
      Assembler.matches(pages: pages, primary: primary, versions: versions, now: now)
    }

    /// Both, the matches on another thread while related entries are found.
    public func compute() -> (related: [Int: [Int]], matches: [Int: [Match]]) {
      OrderedParallel.concurrently(related, matches)
    }
  }

  /// `assemble` without `Site.related` and `Site.matches`, which the returned relations compute.
  public static func assembleLeavingRelations(
    _ rendered: [(Entry, Document)], config: SiteConfig, now: DateTime, staticFiles: [String] = []
  ) -> (Site, [Diagnostic], Relations) {
    var diagnostics: [Diagnostic] = []
    var pages: [Page] = []
    var seen: [String: String] = [:]
    // Sorted by keys read once, not by moving (entry, document) pairs around; same stable order.
    let keys = rendered.map { ($0.0.type.section, $0.0.id, $0.0.language) }
    for position in rendered.indices.sorted(by: { keys[$0] < keys[$1] }) {
      let (entry, document) = rendered[position]
      let url = Page.url(section: entry.type.section, id: entry.id, language: entry.language)
      if let other = seen[url] {
        diagnostics.append(
          .error(
            at: .file(entry.path), "'\(entry.path)' and '\(other)' are the same entry in the same language",
            hint: "keep one of them, or rename one to a different id"))
        continue
      }
      seen[url] = entry.path
      pages.append(Page(entry: entry, document: document, url: url))
    }

    // Translations: every language version of an entry knows the others.
    var versions: [String: [Int]] = [:]
    for (index, page) in pages.enumerated() {
      versions["\(page.entry.type.section)/\(page.entry.id)", default: []].append(index)
    }
    for indices in versions.values {
      for index in indices {
        for other in indices where other != index {
          pages[index].translations[pages[other].entry.language] = pages[other].url
        }
      }
    }
    let primary = versions.values.compactMap { indices in
      indices.min { pages[$0].entry.language < pages[$1].entry.language }
    }.sorted()

    var sections: [Site.SectionIndex] = []
    for type in ContentTypes.all {
      let items = primary.filter { pages[$0].entry.type == type }
      sections.append(Site.SectionIndex(type: type, items: order(items, in: pages, type: type, now: now)))
    }

    // Pages are final from here on; taxonomies are gathered one per core.
    let finished = pages
    let newestFirst = newestFirst(primary, in: pages)
    let taxonomies = OrderedParallel.map(Taxonomies.all) { taxonomy in
      Site.TaxonomyIndex(taxonomy: taxonomy, terms: terms(of: taxonomy, pages: finished, newestFirst: newestFirst))
    }

    let seminars = sections.first { $0.type == ContentTypes.seminar }?.items ?? []
    let needs = sections.first { $0.type == ContentTypes.need }?.items ?? []
    let news = sections.first { $0.type == ContentTypes.news }?.items ?? []
    let guides = sections.first { $0.type == ContentTypes.guide }?.items ?? []
    let home = Site.Home(
      upcomingSeminars: Array(
        seminars.filter { Timeline.seminarTiming(pages[$0].entry, now: now) != .past }.prefix(4)),
      openNeeds: Array(needs.filter { Timeline.needStatus(pages[$0].entry, now: now) == "open" }.prefix(4)),
      latestNews: Array(news.prefix(4)),
      guides: Array(guides.prefix(6)))

    let menu = (sections.first { $0.type == ContentTypes.page }?.items ?? []).filter { pages[$0].entry.bool("menu") }

    for page in pages where page.entry.type == ContentTypes.guide {
      if let reviewed = page.entry.date("last_reviewed"), Timeline.isStale(reviewed: reviewed, now: now) {
        diagnostics.append(
          .warning(
            at: page.entry.location(of: "last_reviewed"), field: "last_reviewed",
            "the facts of this guide were last checked on \(reviewed), more than a year ago",
            hint: "check the guide against its sources and update 'last_reviewed'"))
      }
    }

    let site = Site(
      config: config, now: now, pages: pages, sections: sections, taxonomies: taxonomies, home: home, menu: menu,
      staticFiles: staticFiles.sorted())
    let relations = Relations(pages: pages.map(textless), primary: primary, versions: versions, now: now)
    return (site, diagnostics, relations)
  }

  /// The page with its entry, URLs and excerpt but without body, HTML, plain text, headings and
  /// field positions (which only place diagnostics).
  static func textless(_ page: Page) -> Page {
    var entry = page.entry
    entry.body = ""
    entry.fieldPositions = [:]
    let document = Document(
      html: "", toc: [], plainText: "", excerpt: page.document.excerpt, readingMinutes: page.document.readingMinutes,
      links: [])
    return Page(entry: entry, document: document, url: page.url, translations: page.translations)
  }

  /// Candidates for every need posting that is still open or in discussion, shared by all
  /// language versions of the posting; seeds are offered only needs that are still open.
  static func matches(pages: [Page], primary: [Int], versions: [String: [Int]], now: DateTime) -> [Int: [Match]] {
    let companies = primary.filter { pages[$0].entry.type == ContentTypes.company }
    let needs = primary.filter {
      pages[$0].entry.type == ContentTypes.need
        && ["open", "in_discussion"].contains(Timeline.needStatus(pages[$0].entry, now: now))
    }
    let clinical = needs.filter { pages[$0].entry.string("kind") == "clinical_need" }
    let index = MatchingIndex(pages: pages, companies: companies, clinicalNeeds: clinical, postings: needs)
    // Each need is ranked on its own: on every core.
    let found = OrderedParallel.map(needs) { need in
      pages[need].entry.string("kind") == "tech_seed" ? index.needs(for: need) : index.companies(for: need)
    }
    var result: [Int: [Match]] = [:]
    for (need, matches) in zip(needs, found) {
      let entry = pages[need].entry
      for version in versions["\(entry.type.section)/\(entry.id)"] ?? [need] {
        result[version] = matches
      }
    }
    return result
  }

  /// The section's items in its list order. Each item's sort key is read once, so comparisons
  /// never copy entries; the comparisons, and so the (stable) sort, are the same as on entries.
  static func order(_ items: [Int], in pages: [Page], type: ContentType, now: DateTime) -> [Int] {
    func sorted<Key>(_ key: (Entry) -> Key, by before: (Key, Key) -> Bool) -> [Int] {
      items.map { (item: $0, key: key(pages[$0].entry)) }.sorted { before($0.key, $1.key) }.map(\.item)
    }
    if type == ContentTypes.seminar {
      // Coming seminars first, soonest first; then past ones, latest first.
      let keyed = items.map { item in
        let entry = pages[item].entry
        return (
          item: item, start: entry.datetime("start")?.epochSeconds ?? 0, id: entry.id,
          past: Timeline.seminarTiming(entry, now: now) == .past
        )
      }
      let ahead = keyed.filter { !$0.past }.sorted { ($0.start, $0.id) < ($1.start, $1.id) }
      let past = keyed.filter(\.past).sorted { $0.start != $1.start ? $0.start > $1.start : $0.id < $1.id }
      return (ahead + past).map(\.item)
    }
    switch type.listOrder {
    case .newestFirst:
      return sorted({ ($0.date, $0.id) }, by: { a, b in a.0 != b.0 ? a.0 > b.0 : a.1 < b.1 })
    case .byOrder:
      return sorted({ ($0.int("order") ?? Int.max, $0.title, $0.id) }, by: { a, b in a < b })
    case .byTitle:
      return sorted({ (sortKey($0), $0.id) }, by: { a, b in a.0 != b.0 ? a.0 < b.0 : a.1 < b.1 })
    }
  }

  /// Glossary terms sort by their reading, so 周産期 files under し; other titles by their text.
  static func sortKey(_ entry: Entry) -> String {
    entry.string("reading") ?? entry.title
  }

  /// The items in the order of a term's list: newest first, then by id, then by page index.
  static func newestFirst(_ items: [Int], in pages: [Page]) -> [Int] {
    let keyed = items.map { (item: $0, date: pages[$0].entry.date, id: pages[$0].entry.id) }
    return keyed.sorted { a, b in
      if a.date != b.date { return a.date > b.date }
      if a.id != b.id { return a.id < b.id }
      return a.item < b.item
    }.map(\.item)
  }

  /// The taxonomy's terms; `newestFirst` is the primary pages in `newestFirst`'s order, so every
  /// term's items come out in that order without sorting each list.
  static func terms(of taxonomy: Taxonomy, pages: [Page], newestFirst: [Int]) -> [Site.Term] {
    var byValue: [String: [Int]] = [:]
    for index in newestFirst {
      for value in pages[index].entry.strings(taxonomy.field) {
        byValue[value, default: []].append(index)
      }
    }
    let values: [String]
    if let vocabulary = taxonomy.vocabulary {
      values = vocabulary.allowedValues.filter { byValue[$0] != nil }
    } else {
      values = byValue.keys.sorted()
    }
    var usedSlugs = Set<String>()
    return values.map { value in
      var slug = TermSlug.slug(for: value)
      while usedSlugs.contains(slug) { slug += "-x" }
      usedSlugs.insert(slug)
      let label = taxonomy.vocabulary?.value(value)?.label ?? Labels(ja: value, en: value, de: value)
      return Site.Term(value: value, slug: slug, label: label, items: byValue[value] ?? [])
    }
  }
}
