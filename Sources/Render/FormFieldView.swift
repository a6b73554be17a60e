import Schema

/// View models of form controls, one per schema field kind, so the template stays logic-less.
enum FormFieldView {
  /// Text inputs offered for a list of free texts (speakers, trade fairs); each repeats the name.
  static let listInputs = 3

  static func context(_ field: Field, language: Language) -> Fields {
    let id = "f-" + field.name
    var context: Fields = [
      "id": id, "name": field.name, "label": field.label[language], "required": field.required,
      "required_label": FormStrings.required[language],
    ]
    var notes: [String] = []
    // Schema help is written for editors in Japanese; other languages get the kind's note only.
    // A date-time's help shows the YAML format, which the browser's picker makes moot.
    if language == .ja, !field.help.isEmpty, field.kind != .datetime { notes.append(field.help) }
    switch field.kind {
    case .enumeration(let vocabulary):
      context["select"] = [
        "placeholder": FormStrings.chooseOne[language],
        "options": vocabulary.values.map { ["value": $0.value, "label": $0.label[language]] },
      ]
    case .list(.enumeration(let vocabulary)):
      notes.append(FormStrings.chooseAll[language])
      context["checkboxes"] = vocabulary.values.enumerated().map { index, value -> Fields in
        ["id": "\(id)-\(index + 1)", "value": value.value, "label": value.label[language]]
      }
    case .list:
      notes.append(FormStrings.listNote[language])
      context["texts"] = (1...listInputs).map { number -> Fields in
        ["id": "\(id)-\(number)", "label": "\(field.label[language]) \(number)"]
      }
    case .bool:
      context["select"] = [
        "placeholder": FormStrings.chooseOne[language],
        "options": [
          ["value": "true", "label": FormStrings.yes[language]], ["value": "false", "label": FormStrings.no[language]],
        ],
      ]
    case .text:
      context["textarea"] = true
    case .int:
      notes.append(FormStrings.wholeNumber[language])
      context["input"] = ["type": "number", "number": true]
    case .date:
      context["input"] = ["type": "date"]
    case .datetime:
      notes.append(FormStrings.jstNote[language])
      context["input"] = ["type": "datetime-local"]
    case .url:
      notes.append(FormStrings.urlNote[language])
      context["input"] = ["type": "url", "placeholder": "https://"]
    case .string, .object:
      context["input"] = ["type": "text"]
    }
    if !notes.isEmpty {
      context["help"] =
        language == .ja
        ? notes.map { $0.hasSuffix("。") ? $0 : $0 + "。" }.joined() : notes.joined(separator: " ")
      context["help_id"] = id + "-help"
    }
    // A group of checkboxes cannot carry `required`; it is shown as required and checked on receipt.
    context["has_checkboxes"] = context["checkboxes"] != nil
    context["has_texts"] = context["texts"] != nil
    context["required_attribute"] = field.required && context["checkboxes"] == nil && context["texts"] == nil
    return context
  }

  static func formContext(
    _ form: IntakeForm, fields: [Fields], action: String, language: Language,
    privacyURL: (url: String, lang: String?)?
  ) -> Fields {
    var context: Fields = [
      "action": action, "lang": language.rawValue, "fields": fields,
      "entry_legend": FormStrings.entryFields[language], "required_note": FormStrings.requiredNote[language],
      "required_label": FormStrings.required[language],
      "body": [
        "name": IntakeFieldName.body, "label": FormStrings.body[language], "help": FormStrings.bodyHelp[language],
      ],
      "lang_name": IntakeFieldName.language,
      "contact": [
        "legend": FormStrings.contactHeading[language], "note": FormStrings.contactNote[language],
        "name": ["name": IntakeFieldName.contactName, "label": FormStrings.contactName[language]],
        "organization": [
          "name": IntakeFieldName.contactOrganization, "label": FormStrings.contactOrganization[language],
        ],
        "email": ["name": IntakeFieldName.contactEmail, "label": FormStrings.contactEmail[language]],
        "phone": ["name": IntakeFieldName.contactPhone, "label": FormStrings.contactPhone[language]],
      ],
      "consent": ["name": IntakeFieldName.consent, "label": FormStrings.consent[language]],
      "honeypot": ["name": IntakeFieldName.honeypot, "label": FormStrings.honeypot[language]],
      "submit": FormStrings.submit[language],
    ]
    if let privacyURL {
      var link: Fields = ["url": privacyURL.url, "label": FormStrings.privacyLink[language]]
      if let lang = privacyURL.lang { link["hreflang"] = lang }
      context["privacy"] = link
    }
    return context
  }

  /// A field as a line of the checklist shown while no receiver is configured.
  static func checklistItem(_ field: Field, language: Language) -> Fields {
    var item: Fields = ["label": field.label[language], "required": field.required]
    if let vocabulary = field.kind.vocabulary {
      item["choices"] = vocabulary.values.map { $0.label[language] }.joined(separator: language == .ja ? "、" : ", ")
    }
    return item
  }

  static func contactSummary(_ language: Language) -> String {
    [FormStrings.contactName, FormStrings.contactOrganization, FormStrings.contactEmail, FormStrings.contactPhone]
      .map { $0[language] }.joined(separator: language == .ja ? "、" : ", ")
  }
}
