import Assemble
import Decode
import Diagnostics
import Foundation
import Mustache
import Schema

/// The rendering stage: turns the assembled site into HTML pages through the theme's templates.
/// View models are built here, so templates stay logic-less.
public struct Renderer: Sendable {
  public let site: Site
  public let theme: Theme
  /// Term slug by taxonomy field and value.
  let termSlugs: [String: [String: String]]

  public init(site: Site, theme: Theme) {
    self.site = site
    self.theme = theme
    var slugs: [String: [String: String]] = [:]
    for index in site.taxonomies {
      for term in index.terms {
        slugs[index.taxonomy.field, default: [:]][term.value] = term.slug
      }
    }
    self.termSlugs = slugs
  }

  /// Every page the site has, in a stable order.
  public func jobs() -> [RenderJob] {
    var jobs: [RenderJob] = [.home, .notFound]
    jobs += site.pages.indices.map { RenderJob.entry($0) }
    for (index, section) in site.sections.enumerated() {
      for page in 1...pageCount(section.items.count) {
        jobs.append(.section(index, page: page))
      }
    }
    for (taxonomyIndex, taxonomy) in site.taxonomies.enumerated() where !taxonomy.terms.isEmpty {
      jobs.append(.taxonomy(taxonomyIndex))
      for (termIndex, term) in taxonomy.terms.enumerated() {
        for page in 1...pageCount(term.items.count) {
          jobs.append(.term(taxonomyIndex, termIndex, page: page))
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
    let html = theme.library.render(context, withTemplate: template) ?? ""
    let path = job == .notFound ? "404.html" : OutputFile.htmlPath(forURL: url)
    return .success(OutputFile(path: path, text: html))
  }

  func view(for job: RenderJob) -> (template: String, url: String, context: [String: Any]) {
    switch job {
    case .home: homeView()
    case .entry(let index): entryView(index)
    case .section(let index, let page): sectionView(index, page: page)
    case .taxonomy(let index): taxonomyView(index)
    case .term(let taxonomy, let term, let page): termView(taxonomy, term, page: page)
    case .notFound: notFoundView()
    }
  }

  func pageCount(_ items: Int) -> Int {
    max(1, (items + site.config.pageSize - 1) / site.config.pageSize)
  }

  func termURL(_ taxonomy: Taxonomy, slug: String, page: Int = 1) -> String {
    "/\(taxonomy.segment)/\(slug)/" + (page > 1 ? "page/\(page)/" : "")
  }

  func sectionURL(_ type: ContentType, page: Int = 1) -> String {
    "/\(type.section)/" + (page > 1 ? "page/\(page)/" : "")
  }
}
