/// A public submission form: which content type it fills, which schema fields a submitter may
/// answer, and what the intake tool sets itself. The site's generated forms and `convert` both
/// read these, so a form field is never described twice.
public struct IntakeForm: Sendable, Hashable {
  /// The form's name in URLs, spool records and `convert --form`.
  public var name: String
  public var contentType: ContentType
  public var title: Labels
  /// Schema fields (by name) the submitter answers, in the order the form shows them.
  public var submitterFields: [String]
  /// Front-matter values the form implies (a seed is a need of kind `tech_seed`).
  public var fixedValues: [String: String]

  public init(
    name: String, contentType: ContentType, title: Labels, submitterFields: [String], fixedValues: [String: String]
  ) {
    self.name = name
    self.contentType = contentType
    self.title = title
    self.submitterFields = submitterFields
    self.fixedValues = fixedValues
  }

  /// The schema fields the submitter answers.
  public var fields: [Field] { submitterFields.compactMap { contentType.field(named: $0) } }
}

/// Names a form post uses besides the schema's field names.
public enum IntakeFieldName {
  /// The Markdown body of the entry.
  public static let body = "body"
  /// The page language the form was filled in (`ja`, `en`, `de`): the draft's language.
  public static let language = "lang"
  /// Personal contact data: never written into `content/`, only into the private record.
  public static let contactName = "contact_name"
  public static let contactEmail = "contact_email"
  public static let contactPhone = "contact_phone"
  public static let contactOrganization = "contact_organization"
  public static let contact: [String] = [contactName, contactEmail, contactPhone, contactOrganization]
  /// The submitter agreed to the privacy note.
  public static let consent = "consent"
  /// A field hidden from people; a bot that fills it is refused by the receiver.
  public static let honeypot = "website"
}
