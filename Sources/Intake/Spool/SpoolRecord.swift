/// One submission as the receiver (`kirameki-intake serve`) spools it: a JSON file written
/// atomically into the spool folder before the visitor is told it arrived. `convert` reads these
/// files back, so this type is the contract between the two halves of the intake tool.
public struct SpoolRecord: Codable, Sendable, Hashable {
  /// Marks the JSON object as a spool record, and its format version.
  public var kiramekiSpool: Int
  /// The submission id: unique, safe as a file-name part (`[a-z0-9-]`).
  public var id: String
  /// The form's name: `need`, `seed`, `company` or `seminar`.
  public var form: String
  /// When the receiver accepted it, ISO 8601 with offset (`2026-11-25T15:04:05+09:00`).
  public var receivedAt: String
  /// The request's media type (`application/x-www-form-urlencoded`, `application/json`, …).
  public var contentType: String
  /// The submitted fields in the order they arrived; a multi-select repeats its name.
  public var fields: [SpoolField]

  public static let formatVersion = 1

  public init(id: String, form: String, receivedAt: String, contentType: String, fields: [SpoolField]) {
    self.kiramekiSpool = Self.formatVersion
    self.id = id
    self.form = form
    self.receivedAt = receivedAt
    self.contentType = contentType
    self.fields = fields
  }

  enum CodingKeys: String, CodingKey {
    case kiramekiSpool = "kirameki_spool"
    case id, form
    case receivedAt = "received_at"
    case contentType = "content_type"
    case fields
  }
}

/// One submitted name and value.
public struct SpoolField: Codable, Sendable, Hashable {
  public var name: String
  public var value: String

  public init(name: String, value: String) {
    self.name = name
    self.value = value
  }
}
