import Mustache

/// A card as list templates see it: `card_html`, rendered once per entry and language and kept
/// for the whole build, and the card's other fields, made only when a template asks for one (the
/// default theme's lists ask for `card_html` alone). Keeping just the HTML is what lets 100k
/// entries' cards stay in memory: their fields took three times the space.
final class CardView: MustacheParent {
  private let html: String?
  private let makeFields: () -> Fields
  private lazy var fields = makeFields()

  init(html: String?, fields: @escaping () -> Fields) {
    self.html = html
    self.makeFields = fields
  }

  func child(named name: String) -> Any? {
    if name == "card_html", let html { return html }
    return fields[name]
  }
}
