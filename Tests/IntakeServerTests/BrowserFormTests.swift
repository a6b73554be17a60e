import Foundation
import Testing

/// A visitor posts a form of the built site in headless Chromium to the real receiver
/// (`form_browser_test.py`): the success page shows the reference the spool record carries.
@Suite struct BrowserFormTests {
  @Test func aFormPostedInABrowserReachesTheSpool() throws {
    let kirameki = try Binaries.require("kirameki")
    let intake = try Binaries.require("kirameki-intake")
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = [
      "python3", Binaries.repository + "/Tests/IntakeServerTests/form_browser_test.py", Binaries.repository, kirameki,
      intake,
    ]
    let output = Pipe()
    process.standardOutput = output
    process.standardError = output
    try process.run()
    let report = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    #expect(
      process.terminationStatus == 0,
      "the browser form test failed (scripts/install-deps test installs chromium, chromedriver, selenium):\n\(report.suffix(3000))"
    )
  }
}
