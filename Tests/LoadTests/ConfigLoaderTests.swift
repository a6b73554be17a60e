import Diagnostics
import Testing

@testable import Load

@Suite struct ConfigLoaderTests {
  @Test func readsLabelsLanguagesAndPageSize() throws {
    let (config, diagnostics) = ConfigLoader.parse(
      "title: {ja: ハブ, en: Hub}\nbase_url: https://x.example/\nlanguages: [ja, en]\npage_size: 5\n")
    #expect(diagnostics.isEmpty)
    let site = try #require(config)
    #expect(site.title.ja == "ハブ")
    #expect(site.title.de == "Hub")
    #expect(site.languages.map(\.rawValue) == ["ja", "en"])
    #expect(site.pageSize == 5)
    #expect(site.baseURL == "https://x.example/")
  }

  @Test func reportsBadSettingsWithLocations() {
    let (config, diagnostics) = ConfigLoader.parse("title: Hub\npage_sise: 5\npage_size: zero\n")
    #expect(config == nil)
    #expect(
      DiagnosticFormatter.format(diagnostics) == """
        kirameki.yaml:2:1: warning: unknown setting 'page_sise'
            page_sise: 5
            ^
          hint: did you mean 'page_size'?
        kirameki.yaml:3:12: error: 'page_size' must be a positive whole number
            page_size: zero
                       ^
          hint: for example 10
        """)
  }
}
