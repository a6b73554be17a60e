/// One kind of content, its folder under `content/` and its fields: the single source of truth
/// for validation, documentation and (later) forms, intake mapping and `kirameki new`.
public struct ContentType: Sendable, Hashable {
  /// The type's name, `seminar`.
  public var name: String
  /// Its folder under `content/` and its URL segment, `seminars`.
  public var section: String
  public var label: Labels
  public var sectionLabel: Labels
  /// Fields specific to this type; `fields` adds the common ones in front.
  public var ownFields: [Field]
  /// How the section's list is ordered.
  public var listOrder: ListOrder

  public enum ListOrder: Sendable, Hashable {
    /// Newest `date` first.
    case newestFirst
    /// By the `order` field, then title.
    case byOrder
    /// By title, in the site language's collation.
    case byTitle
  }

  public init(
    name: String, section: String, label: Labels, sectionLabel: Labels, listOrder: ListOrder,
    fields: [Field]
  ) {
    self.name = name
    self.section = section
    self.label = label
    self.sectionLabel = sectionLabel
    self.listOrder = listOrder
    self.ownFields = fields
  }

  public var fields: [Field] { CommonFields.all + ownFields }

  public func field(named name: String) -> Field? {
    fields.first { $0.name == name }
  }
}
