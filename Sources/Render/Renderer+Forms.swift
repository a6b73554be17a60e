import Schema

/// The submission form pages: one per form and language, built from `IntakeForms` and the Schema,
/// and an index of the forms.
extension Renderer {
  func formsURL(_ language: Language) -> String { prefix(language) + "forms/" }

  func formURL(_ form: IntakeForm, _ language: Language) -> String { formsURL(language) + form.name + "/" }

  func formsIndexView(_ language: Language) -> (String, String, Fields) {
    let url = formsURL(language)
    let heading = FormStrings.formsHeading[language]
    var context = layout(
      title: heading, url: url, language: language, description: FormStrings.formsIntro[language],
      crumbs: [(heading, url)], currentSection: nil, alternates: everyLanguage(formsURL))
    context["heading"] = heading
    context["intro"] = FormStrings.formsIntro[language]
    context["forms"] = IntakeForms.all.map { form -> Fields in
      [
        "title": form.title[language], "url": formURL(form, language),
        "description": FormStrings.formDescriptions[form.name]?[language] ?? "",
      ]
    }
    return ("forms", url, context)
  }

  func formView(_ index: Int, _ language: Language) -> (String, String, Fields) {
    let form = IntakeForms.all[index]
    let url = formURL(form, language)
    let title = form.title[language]
    var context = layout(
      title: title, url: url, language: language,
      description: FormStrings.formDescriptions[form.name]?[language] ?? title,
      crumbs: [(FormStrings.formsHeading[language], formsURL(language)), (title, url)], currentSection: nil,
      alternates: everyLanguage { formURL(form, $0) })
    context["heading"] = title
    context["intro"] = FormStrings.formIntro[language]
    let fields = form.fields.map { FormFieldView.context($0, language: language) }
    if let receiver = site.config.intakeURL {
      context["form"] = FormFieldView.formContext(
        form, fields: fields, action: receiver + "/forms/" + form.name, language: language,
        privacyURL: consultationURL(language))
    } else {
      var offline: Fields = [
        "heading": FormStrings.notOpenHeading[language], "text": FormStrings.notOpenText[language],
        "checklist_heading": FormStrings.checklistHeading[language],
        "items": form.fields.map { FormFieldView.checklistItem($0, language: language) } + [
          ["label": FormStrings.body[language]],
          ["label": FormStrings.contactHeading[language], "detail": FormFieldView.contactSummary(language)],
        ],
        "required_label": FormStrings.required[language],
        "choices_label": FormStrings.allowedValues[language],
      ]
      if let link = consultationURL(language) {
        var item: Fields = ["url": link.url, "label": FormStrings.consultationLink[language]]
        if let lang = link.lang { item["hreflang"] = lang }
        offline["link"] = item
      }
      context["offline"] = offline
    }
    return ("form", url, context)
  }

  /// The consultation page (how to reach the hub office, how personal data is handled), preferring
  /// the page language; `lang` is set when the page is in another language.
  func consultationURL(_ language: Language) -> (url: String, lang: String?)? {
    guard let page = consultationPages.first(where: { $0.language == language }) ?? consultationPages.first else {
      return nil
    }
    return (page.url, page.language == language ? nil : page.language.rawValue)
  }

  /// Links from a section's list to the forms that add to it.
  func formLinks(for type: ContentType, _ language: Language) -> [Fields] {
    IntakeForms.all.filter { $0.contentType == type }.map {
      ["url": formURL($0, language), "label": $0.title[language]]
    }
  }
}
