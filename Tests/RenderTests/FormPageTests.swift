import Assemble
import Foundation
import Load
import Schema
import Testing

@testable import Render

@Suite struct FormPageTests {
  let now = DateTime(iso: "2026-11-25T12:00:00+09:00") ?? DateTime(epochSeconds: 0, offsetSeconds: 0)

  func renderer(intakeURL: String?) throws -> Renderer {
    let config = SiteConfig(
      title: Labels(ja: "ハブ", en: "Hub"), tagline: Labels(ja: "", en: ""), baseURL: "https://hub.example.org/",
      languages: Language.allCases, pageSize: 10, theme: "default", intakeURL: intakeURL)
    let (site, _) = Assembler.assemble([], config: config, now: now)
    let theme = try #require(Theme.load(root: repository, name: "default", io: .disk).0)
    return Renderer(site: site, theme: theme)
  }

  func page(_ renderer: Renderer, _ job: RenderJob) throws -> (path: String, html: String) {
    let file = try renderer.render(job).get()
    guard case .data(let data) = file.contents else { return (file.path, "") }
    return (file.path, String(decoding: data, as: UTF8.self))
  }

  @Test func everyFormHasAPageInEveryLanguageAndAnIndex() throws {
    let renderer = try renderer(intakeURL: nil)
    let jobs = renderer.jobs()
    for language in Language.allCases {
      #expect(jobs.contains(.forms(language)))
      for index in IntakeForms.all.indices { #expect(jobs.contains(.form(index, language))) }
    }
    #expect(try page(renderer, .form(0, .ja)).path == "forms/need/index.html")
    #expect(try page(renderer, .form(3, .de)).path == "de/forms/seminar/index.html")
    let index = try page(renderer, .forms(.en)).html
    for form in IntakeForms.all { #expect(index.contains("href=\"/en/forms/\(form.name)/\">\(form.title.en)</a>")) }
  }

  @Test func formPostsToTheReceiverWithEverySchemaField() throws {
    let renderer = try renderer(intakeURL: "https://forms.example.org")
    for (index, form) in IntakeForms.all.enumerated() {
      for language in Language.allCases {
        let html = try page(renderer, .form(index, language)).html
        #expect(html.contains("action=\"https://forms.example.org/forms/\(form.name)\""))
        #expect(html.contains("<input type=\"hidden\" name=\"lang\" value=\"\(language.rawValue)\">"))
        for field in form.fields {
          #expect(html.contains("name=\"\(field.name)\""), "\(form.name) \(language) lacks \(field.name)")
          #expect(html.contains(field.label[language]), "\(form.name) \(language) lacks the label of \(field.name)")
        }
        for name in [IntakeFieldName.body, IntakeFieldName.consent] + IntakeFieldName.contact {
          #expect(html.contains("name=\"\(name)\""))
        }
      }
    }
  }

  @Test func controlsFollowTheFieldKinds() throws {
    let renderer = try renderer(intakeURL: "https://forms.example.org")
    let need = try page(renderer, .form(0, .en)).html
    // A required single choice: a select with the vocabulary's labels in the page language.
    #expect(need.contains("<select id=\"f-confidentiality\" name=\"confidentiality\" required"))
    let publicLabel = try #require(Vocabularies.confidentiality.value("public")?.label.en)
    #expect(need.contains("<option value=\"public\">\(publicLabel)</option>"))
    // A list of choices: checkboxes repeating the field name.
    #expect(need.contains("type=\"checkbox\" id=\"f-tech_areas-1\" name=\"tech_areas\""))
    #expect(need.contains("<input id=\"f-expires\" name=\"expires\" type=\"date\""))
    #expect(need.contains("aria-describedby=\"f-tech_areas-help\""))
    #expect(need.contains("<span class=\"required-mark\">required</span>"))
    #expect(need.contains("Your contact details (never published)"))
    #expect(need.contains("<div class=\"form-trap\" aria-hidden=\"true\">"))
    #expect(need.contains("name=\"website\" type=\"text\" tabindex=\"-1\""))
    #expect(need.contains("name=\"consent\" type=\"checkbox\" value=\"yes\" required"))
    let seminar = try page(renderer, .form(3, .ja)).html
    #expect(seminar.contains("name=\"start\" type=\"datetime-local\" required"))
    #expect(seminar.contains("日本時間（JST）"))
    #expect(seminar.contains("name=\"capacity\" type=\"number\""))
    #expect(seminar.contains("name=\"online_url\" type=\"url\""))
    #expect(seminar.components(separatedBy: "name=\"speakers\"").count - 1 == FormFieldView.listInputs)
    let company = try page(renderer, .form(2, .de)).html
    #expect(company.contains("<option value=\"true\">Ja</option>"), "a yes/no field is a select")
  }

  @Test func withoutAReceiverThePageListsTheItemsInstead() throws {
    let renderer = try renderer(intakeURL: nil)
    let html = try page(renderer, .form(1, .en)).html
    #expect(!html.contains("<form class=\"intake-form\""))
    #expect(html.contains("Online submission is not open yet"))
    for field in IntakeForms.seed.fields { #expect(html.contains(field.label.en)) }
  }
}
