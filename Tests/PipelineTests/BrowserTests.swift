import Foundation
import TestSupport
import Testing

extension RealContentTests {
  /// Search in real headless Chromium, driven by Selenium through the Debian chromedriver
  /// (`Tests/Browser/search_browser_test.py`): half-width and hiragana queries find the catheter
  /// seed first with a highlight, ISO 13485 finds results, the type facet narrows to needs and
  /// lives in the URL (browser back removes it), a result opens, the company directory's
  /// technology filter narrows the list, and no page logs a console error or fails a request.
  /// Set KIRAMEKI_SCREENSHOTS=DIR to keep screenshots of the results page at 390 and 1280 px.
  @Test func searchWorksInARealBrowser() {
    let (result, output) = Self.built
    guard result.wrote else {
      Issue.record("the real content did not build, so there is no site to search")
      return
    }
    let hint = "run scripts/test, which installs them (Debian packages chromium and chromium-driver, PyPI selenium)"
    var missing: [String] = []
    if !FileManager.default.isExecutableFile(atPath: "/usr/bin/chromium") { missing.append("/usr/bin/chromium") }
    if !FileManager.default.isExecutableFile(atPath: "/usr/bin/chromedriver") {
      missing.append("/usr/bin/chromedriver")
    }
    switch runTool(["python3", "-c", "import selenium"]) {
    case nil: missing.append("python3")
    case (let status, _)? where status != 0: missing.append("the Python package selenium")
    default: break
    }
    guard missing.isEmpty else {
      Issue.record("the browser test needs \(missing.joined(separator: ", ")); \(hint)")
      return
    }
    let script = Paths.repository + "/Tests/Browser/search_browser_test.py"
    guard let (status, report) = runTool(["python3", script, output]) else {
      Issue.record("python3 could not start; \(hint)")
      return
    }
    #expect(status == 0, "search in a real browser failed:\n\(report.suffix(4000))")
  }
}
