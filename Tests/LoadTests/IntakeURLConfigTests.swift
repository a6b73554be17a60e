import Diagnostics
import Testing

@testable import Load

@Suite struct IntakeURLConfigTests {
  @Test func intakeURLIsReadWithoutATrailingSlash() throws {
    let (config, diagnostics) = ConfigLoader.parse("title: Hub\nintake_url: https://forms.example.org/\n")
    #expect(diagnostics.isEmpty)
    #expect(try #require(config).intakeURL == "https://forms.example.org")
    #expect(ConfigLoader.parse("title: Hub\n").0?.intakeURL == nil)
  }

  @Test func badIntakeURLNamesFileLineAndField() {
    let (config, diagnostics) = ConfigLoader.parse("title: Hub\nintake_url: forms.example.org\n")
    #expect(config == nil)
    #expect(
      DiagnosticFormatter.format(diagnostics) == """
        kirameki.yaml:2:13: error: 'intake_url' must be an absolute http(s) URL without query or fragment
            intake_url: forms.example.org
                        ^
          hint: the address kirameki-intake serve is reached at, for example https://forms.hub.example.org
        """)
    #expect(diagnostics.first?.field == "intake_url")
  }

  @Test func plainHTTPOutsideLoopbackIsAWarning() throws {
    let (remote, warnings) = ConfigLoader.parse("title: Hub\nintake_url: http://forms.example.org\n")
    #expect(remote?.intakeURL == "http://forms.example.org")
    #expect(warnings.map(\.severity) == [.warning])
    let (local, none) = ConfigLoader.parse("title: Hub\nintake_url: http://127.0.0.1:8080\n")
    #expect(local?.intakeURL == "http://127.0.0.1:8080")
    #expect(none.isEmpty)
  }
}
