import Schema
import Synchronization
import Testing

@testable import Render

@Suite struct CardCacheTests {
  @Test func eachPageAndLanguageIsMadeOnceAndKeptApart() {
    let cache = CardCache(pages: 3)
    let made = Mutex(0)
    func html(_ page: Int, _ language: Language) -> String {
      cache.html(CardCache.Key(page: page, language: language)) {
        made.withLock { $0 += 1 }
        return "\(page)-\(language.rawValue)"
      }
    }
    for language in Language.allCases {
      for page in 0..<3 { #expect(html(page, language) == "\(page)-\(language.rawValue)") }
    }
    #expect(made.withLock { $0 } == 9)
    for language in Language.allCases {
      for page in 0..<3 { #expect(html(page, language) == "\(page)-\(language.rawValue)") }
    }
    #expect(made.withLock { $0 } == 9, "every card came from the cache the second time")
    #expect(html(3, .ja) == "3-ja" && html(-1, .en) == "-1-en", "a page outside the site is made, not kept")
    #expect(made.withLock { $0 } == 11)
  }
}
