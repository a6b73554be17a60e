import Assemble
import Schema

extension Renderer {
  /// The output path a job renders to, without rendering it: what `render(_:)` returns as the
  /// file's path. The live preview maps requested paths to jobs with it.
  public func path(for job: RenderJob) -> String {
    switch job {
    case .notFound: return "404.html"
    case .home(let language): return OutputFile.htmlPath(forURL: prefix(language))
    case .entry(let index): return OutputFile.htmlPath(forURL: site.pages[index].url)
    case .section(let index, let page, let language):
      return OutputFile.htmlPath(forURL: sectionURL(site.sections[index].type, page: page, language))
    case .taxonomy(let index, let language):
      return OutputFile.htmlPath(forURL: taxonomyURL(site.taxonomies[index].taxonomy, language))
    case .term(let taxonomyIndex, let termIndex, let page, let language):
      let taxonomy = site.taxonomies[taxonomyIndex]
      return OutputFile.htmlPath(
        forURL: termURL(taxonomy.taxonomy, slug: taxonomy.terms[termIndex].slug, page: page, language))
    case .calendar(let language): return OutputFile.htmlPath(forURL: prefix(language) + "seminars/calendar/")
    case .search(let language): return OutputFile.htmlPath(forURL: prefix(language) + "search/")
    case .forms(let language): return OutputFile.htmlPath(forURL: formsURL(language))
    case .form(let index, let language): return OutputFile.htmlPath(forURL: formURL(IntakeForms.all[index], language))
    }
  }
}
