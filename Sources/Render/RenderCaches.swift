import Schema
import Synchronization

/// A template context kept for reuse. It holds only strings, booleans, numbers and arrays and
/// `Fields` of them, which are values, so sharing it between threads is safe.
struct SharedContext: @unchecked Sendable {
  var fields: Fields
}

/// Each entry's card HTML, rendered once per language: lists, term pages, the home page and
/// related blocks show the same card many times over. One slot per page and language, so a
/// lookup is an index, not a hash of the key.
final class CardCache: Sendable {
  struct Key: Hashable {
    var page: Int
    var language: Language
  }

  private let pages: Int
  private let cards: Mutex<[String?]>

  init(pages: Int) {
    self.pages = pages
    cards = Mutex(Array(repeating: nil, count: pages * Language.allCases.count))
  }

  func html(_ key: Key, make: () -> String) -> String {
    guard key.page >= 0 && key.page < pages else { return make() }
    let slot = key.language.order * pages + key.page
    if let html = cards.withLock({ $0[slot] }) { return html }
    let html = make()
    cards.withLock { $0[slot] = html }
    return html
  }
}

/// The parts of the base layout that are the same on every page of a language (and of a section,
/// for the main navigation), built once.
final class LayoutCache: Sendable {
  /// Pages in the footer's about navigation, which mark themselves as current.
  let menuURLs: Set<String>
  private let shared = Mutex<[Language: SharedContext]>([:])
  private let navs = Mutex<[String: SharedContext]>([:])

  init(menuURLs: Set<String>) {
    self.menuURLs = menuURLs
  }

  func shared(_ language: Language, make: () -> Fields) -> Fields {
    if let context = shared.withLock({ $0[language] }) { return context.fields }
    let context = SharedContext(fields: make())
    shared.withLock { $0[language] = context }
    return context.fields
  }

  func nav(_ language: Language, section: String?, make: () -> [Fields]) -> Any {
    let key = language.rawValue + "/" + (section ?? "")
    if let nav = navs.withLock({ $0[key] }), let items = nav.fields["items"] { return items }
    let items = make()
    navs.withLock { $0[key] = SharedContext(fields: ["items": items]) }
    return items
  }
}
