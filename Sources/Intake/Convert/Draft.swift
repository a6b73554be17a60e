import Schema

/// A submission turned into a content file, not yet written.
public struct Draft: Sendable {
  public var id: String
  public var form: IntakeForm
  public var language: Language
  public var receivedAt: DateTime
  /// Front-matter fields in the order they are written.
  public var frontMatter: [(name: String, value: DraftValue)]
  public var body: String
  /// Personal contact data and consent: written only to the private record.
  public var privateFields: [String: String]
  /// Which column each field came from, to name it in reports.
  public var columns: [String: String]

  /// `2026-11-25-<id>`: the content id the loader derives from the file name.
  public var contentID: String { "\(receivedAt.at(offsetSeconds: DateTime.jstOffset).date)-\(id)" }

  /// `needs/2026-11-25-<id>.ja.md`, relative to the content folder.
  public var relativePath: String {
    "\(form.contentType.section)/\(contentID).\(language.rawValue).md"
  }
}
