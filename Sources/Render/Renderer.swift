import Assemble
import Decode
import Diagnostics
import Foundation
import Mustache
import Schema

/// The rendering stage: turns the assembled site into HTML pages through the theme's templates.
/// View models are built here, so templates stay logic-less.
public final class Renderer: Sendable {
  public let site: Site
  public let theme: Theme
  /// Term slug by taxonomy field and value.
  let termSlugs: [String: [String: String]]
  /// Page index by URL, to find an entry's version in another language.
  let pageByURL: [String: Int]
  /// The glossary of each language, to explain its terms in place.
  let glossaries: [Language: GlossaryLinker]
  let cards: CardCache
  let layouts: LayoutCache
  /// Where rendered pages' bytes are kept, recycled once the pages are written and dropped.
  let pageMemory = PageMemory()
  /// Whether the theme has a `card` template (asked for every card a list shows).
  let hasCardTemplate: Bool
  /// `localized(_:_:)` of every page, by language: lists ask for it for every card they show.
  let localizedPages: [Language: [Int]]

  /// The consultation page's versions (forms link to it), found once rather than on every form.
  let consultationPages: [(url: String, language: Language)]

  /// Root-relative URL of the search index manifest, when the site has one.
  public let searchIndex: String?

  public init(site: Site, theme: Theme, searchIndex: String? = nil) {
    self.site = site
    self.theme = theme
    self.searchIndex = searchIndex
    self.cards = CardCache(pages: site.pages.count)
    var slugs: [String: [String: String]] = [:]
    for index in site.taxonomies {
      for term in index.terms {
        slugs[index.taxonomy.field, default: [:]][term.value] = term.slug
      }
    }
    self.termSlugs = slugs
    var byURL: [String: Int] = [:]
    for (index, page) in site.pages.enumerated() { byURL[page.url] = index }
    self.pageByURL = byURL
    var terms: [Language: [GlossaryLinker.Term]] = [:]
    for page in site.pages where page.entry.type == ContentTypes.glossary {
      let entry = page.entry
      terms[entry.language, default: []].append(
        GlossaryLinker.Term(
          id: entry.id, title: entry.title, forms: [entry.title] + entry.strings("aliases"), url: page.url,
          definition: page.summary))
    }
    var localizedPages: [Language: [Int]] = [:]
    for language in Language.allCases {
      localizedPages[language] = site.pages.indices.map { index in
        if site.pages[index].entry.language == language { return index }
        if let url = site.pages[index].translations[language], let translated = byURL[url] { return translated }
        return index
      }
    }
    self.consultationPages = Language.allCases.compactMap { language in
      let url = Page.url(section: ContentTypes.page.section, id: "consultation", language: language)
      return byURL[url] == nil ? nil : (url, language)
    }
    self.localizedPages = localizedPages
    self.hasCardTemplate = theme.library.getTemplate(named: "card") != nil
    self.layouts = LayoutCache(menuURLs: Set(site.menu.map { site.pages[$0].url }))
    self.glossaries = terms.mapValues { GlossaryLinker(terms: $0.sorted { $0.id < $1.id }) }
  }

  var languages: [Language] { site.config.languages.isEmpty ? [.default] : site.config.languages }

  /// The version of an entry to show in a list in `language`: its translation when there is
  /// one, else the version the entry has (shown with its own `lang`).
  func localized(_ index: Int, _ language: Language) -> Int {
    localizedPages[language]?[index] ?? index
  }

  /// `/` for Japanese, `/en/` for English.
  func prefix(_ language: Language) -> String {
    language == .default ? "/" : "/\(language.rawValue)/"
  }

  /// Every page the site has, in a stable order.
  public func jobs() -> [RenderJob] {
    var jobs: [RenderJob] = [.notFound]
    jobs += site.pages.indices.map { RenderJob.entry($0) }
    for language in languages {
      jobs.append(.home(language))
      jobs.append(.calendar(language))
      if searchIndex != nil { jobs.append(.search(language)) }
      jobs.append(.forms(language))
      jobs += IntakeForms.all.indices.map { RenderJob.form($0, language) }
      for (index, section) in site.sections.enumerated() {
        for page in 1...pageCount(section.items.count) {
          jobs.append(.section(index, page: page, language))
        }
      }
      for (taxonomyIndex, taxonomy) in site.taxonomies.enumerated() where !taxonomy.terms.isEmpty {
        jobs.append(.taxonomy(taxonomyIndex, language))
        for (termIndex, term) in taxonomy.terms.enumerated() {
          for page in 1...pageCount(term.items.count) {
            jobs.append(.term(taxonomyIndex, termIndex, page: page, language))
          }
        }
      }
    }
    return jobs
  }

  public func render(_ job: RenderJob) -> Result<OutputFile, Diagnostic> {
    let (template, url, context) = view(for: job)
    guard theme.library.getTemplate(named: template) != nil else {
      return .failure(
        .error(
          at: .file("themes/\(site.config.theme)/templates/\(template).mustache"),
          "the theme has no template '\(template)'", hint: "add templates/\(template).mustache"))
    }
    let html = theme.renderData(context, withTemplate: template, in: pageMemory) ?? Data()
    let path = job == .notFound ? "404.html" : OutputFile.htmlPath(forURL: url)
    return .success(OutputFile(path: path, data: html))
  }

  func view(for job: RenderJob) -> (template: String, url: String, context: Fields) {
    switch job {
    case .home(let language): homeView(language)
    case .entry(let index): entryView(index)
    case .section(let index, let page, let language): sectionView(index, page: page, language)
    case .taxonomy(let index, let language): taxonomyView(index, language)
    case .term(let taxonomy, let term, let page, let language): termView(taxonomy, term, page: page, language)
    case .calendar(let language): calendarView(language)
    case .search(let language): searchView(language)
    case .forms(let language): formsIndexView(language)
    case .form(let index, let language): formView(index, language)
    case .notFound: notFoundView()
    }
  }

  func pageCount(_ items: Int) -> Int {
    max(1, (items + site.config.pageSize - 1) / site.config.pageSize)
  }

  func termURL(_ taxonomy: Taxonomy, slug: String, page: Int = 1, _ language: Language) -> String {
    prefix(language) + "\(taxonomy.segment)/\(slug)/" + (page > 1 ? "page/\(page)/" : "")
  }

  func taxonomyURL(_ taxonomy: Taxonomy, _ language: Language) -> String {
    prefix(language) + "\(taxonomy.segment)/"
  }

  func sectionURL(_ type: ContentType, page: Int = 1, _ language: Language) -> String {
    prefix(language) + "\(type.section)/" + (page > 1 ? "page/\(page)/" : "")
  }
}
