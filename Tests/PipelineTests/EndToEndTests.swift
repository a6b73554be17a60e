import Foundation
import Pipeline
import TestSupport
import Testing

/// The built hub of the real `content/` checked end to end by a real browser and by the web's own
/// tools (issue #8): the Python checkers in `Tests/Browser/` serve the site on 127.0.0.1 and each
/// prints `PAGE: CHECK` when it fails. They share the one build of `RealContentTests`.
@Suite(.serialized) struct EndToEndTests {
  /// A visitor's journey (home → section → entry → taxonomy term → English and back), search with
  /// half-width and hiragana katakana, a facet and a result opened; no console error or failed
  /// request on any page; screenshots of the home page and an entry of each type at 390 and
  /// 1280 px in `Tests/Output/screenshots/`.
  @Test func aVisitorsJourneyInARealBrowser() {
    let report = Checker.run("browse_test.py", over: Checker.site(), check: "the browser journey")
    #expect(report?.contains("16 screenshots written") == true, "the journey writes 16 screenshots:\n\(report ?? "")")
  }

  /// axe-core with the WCAG 2.2 AA tags on one page of every kind in ja, en and de.
  @Test func axeFindsNoSeriousOrCriticalViolations() {
    let report = Checker.run("axe_test.py", over: Checker.site(), check: "axe-core (WCAG 2.2 AA)")
    #expect(report?.contains("0 serious or critical violations") == true, "\(report ?? "")")
  }

  /// LinkChecker from the home page, recursively, with its AnchorCheck plugin.
  @Test func linkcheckerFindsNoBrokenLinkOrAnchor() {
    let report = Checker.run("linkcheck_test.py", over: Checker.site(), check: "linkchecker")
    #expect(report?.contains("0 broken links or anchors") == true, "\(report ?? "")")
  }

  /// Every kind of page shows its main content with JavaScript disabled.
  @Test func everyKindOfPageReadsWithoutJavaScript() {
    let report = Checker.run("nojs_test.py", over: Checker.site(), check: "no-JavaScript reading")
    #expect(report?.contains("readable with JavaScript off") == true, "\(report ?? "")")
  }

  /// The whole intake loop (issues #4 and #8): a copy of the real site root with `intake_url`
  /// pointing at a running `kirameki-intake serve`; each public form filled in and sent in Chromium
  /// (`form_loop_test.py --submit`); the receiver stopped; `kirameki-intake convert` per form; no
  /// contact data under `content/`; a build with drafts; each entry found through search, with its
  /// title and the draft notice (`form_loop_test.py --find`).
  @Test func formSubmissionsComeBackAsDraftEntries() throws {
    let loop = try FormLoopSite()
    let (intake, root, spool) = (loop.intake, loop.root, loop.spool)
    let record = loop.folder + "/submitted.json"
    let posted = try #require(
      Checker.run(
        "form_loop_test.py", over: loop.site, check: "step submit (form loop)",
        arguments: loop.submitArguments(record: record)))
    #expect(loop.receiver.stop() == 0, "step receiver: kirameki-intake serve stops gracefully on SIGTERM")
    let decoder = JSONDecoder()
    decoder.keyDecodingStrategy = .convertFromSnakeCase
    let submitted = try decoder.decode([Submitted].self, from: Data(contentsOf: URL(fileURLWithPath: record)))
    #expect(submitted.map(\.form) == Self.forms, "step submit: every form was posted:\n\(posted)")

    for form in submitted {
      let (status, report) = runTool([intake, "convert", "--form", form.form, "--root", root, spool]) ?? (-1, "")
      #expect(status == 0, "form \(form.form): step convert exits 0:\n\(report)")
      let written = report.split(separator: "\n").filter { $0.contains(": written ") }
      #expect(written.count == 1, "form \(form.form): step convert writes one draft:\n\(report)")
      #expect(
        report.contains("3 skipped"), "form \(form.form): step convert skips the other forms' records:\n\(report)")
    }
    let content = try readTree(root + "/content")
    for form in submitted {
      for value in [form.contactName, form.contactEmail, form.contactPhone, form.contactOrganization] {
        let leaks = content.filter { String(decoding: $0.value, as: UTF8.self).contains(value) }.keys.sorted()
        #expect(leaks.isEmpty, "form \(form.form): step contact data: \(value) appears in content/\(leaks)")
      }
    }

    let drafts = loop.folder + "/drafts"
    let rebuilt = Build.run(
      BuildOptions(root: root, output: drafts, themes: Paths.themes, includeDrafts: true, now: fixedNow))
    try #require(rebuilt.wrote, "step build --drafts: the drafts build:\n\(FormLoopSite.errors(rebuilt))")
    let found = Checker.run(
      "form_loop_test.py", over: drafts, check: "step find (form loop)", arguments: ["--find", "--record=\(record)"])
    #expect(found?.contains("4 forms") == true, "\(found ?? "")")
  }

  static let forms = ["need", "seed", "company", "seminar"]

  /// What `form_loop_test.py --submit` typed into one form.
  struct Submitted: Decodable {
    var form: String
    var title: String
    var reference: String
    var contactName: String
    var contactEmail: String
    var contactPhone: String
    var contactOrganization: String
  }

  /// The form's consent box loses its name in a copy of the theme: the receiver refuses the post
  /// (400, no consent), and the loop's checker fails naming the form, its page and the step.
  @Test func aBrokenFormMakesTheLoopFailNamingFormPageAndStep() throws {
    let themes = try temporaryFolder() + "/themes"
    defer { try? FileManager.default.removeItem(atPath: (themes as NSString).deletingLastPathComponent) }
    try FileManager.default.copyItem(atPath: Paths.themes, toPath: themes)
    try replace(
      "<input id=\"f-consent\" name=\"{{name}}\"", with: "<input id=\"f-consent\"",
      in: themes + "/default/templates/form.mustache")
    let loop = try FormLoopSite(themes: themes)
    let report = Checker.failure(
      "form_loop_test.py", over: loop.site, arguments: loop.submitArguments(record: loop.folder + "/submitted.json"))
    #expect(
      report.contains("form loop FAILED: \(loop.receiver.url)/forms/need (success page)"), "names the page:\n\(report)")
    #expect(report.contains("form need (/forms/need/): step success page"), "names the form and the step:\n\(report)")
    #expect(report.contains("HTTP 400"), "names the refusal:\n\(report)")
  }

  /// A template broken in a copy of the theme makes each checker fail, naming the page and the
  /// check: the header's search label removed (axe), the main landmark's id removed (the skip
  /// link's anchor target, linkchecker) and a footer link to a page that does not exist
  /// (linkchecker).
  @Test func aBrokenTemplateMakesTheCheckersFailNamingPageAndCheck() throws {
    let folder = try temporaryFolder()
    let themes = folder + "/themes"
    try FileManager.default.copyItem(atPath: Paths.themes, toPath: themes)
    let templates = themes + "/default/templates/"
    try replace("<label for=\"site-search-q\">{{search_label}}</label>", with: "", in: templates + "header.mustache")
    try replace("<main id=\"main\" class=\"wrap\">", with: "<main class=\"wrap\">", in: templates + "base.mustache")
    try replace(
      "<p class=\"footer-note\">", with: "<p class=\"footer-note\"><a href=\"/no-such-page/\">?</a> ",
      in: templates + "footer.mustache")
    let site = folder + "/site"
    let result = Build.run(BuildOptions(root: Paths.repository, output: site, themes: themes, now: fixedNow))
    try #require(result.wrote, "the broken theme still builds (the checkers, not the build, must catch it)")

    let axe = Checker.failure("axe_test.py", over: site, arguments: ["--only=/"])
    #expect(axe.contains("/ (home, ja): axe rule label (critical)"), "axe names the page and rule:\n\(axe)")
    #expect(axe.contains("#site-search-q"), "axe names the unlabelled input:\n\(axe)")

    let links = Checker.failure("linkcheck_test.py", over: site, arguments: ["--depth=1"])
    #expect(links.contains("/ (line"), "linkchecker names the page and line:\n\(links)")
    #expect(links.contains("broken anchor in /#main"), "linkchecker names the missing anchor:\n\(links)")
    #expect(links.contains("broken link /no-such-page/ → 404"), "linkchecker names the broken link:\n\(links)")
  }

  private func replace(_ text: String, with replacement: String, in path: String) throws {
    let original = try String(contentsOfFile: path, encoding: .utf8)
    try #require(original.contains(text), "\(path) contains \(text)")
    try original.replacingOccurrences(of: text, with: replacement).write(
      toFile: path, atomically: true, encoding: .utf8)
  }
}

/// Runs the Python checkers of `Tests/Browser/` and turns missing tools into an instruction.
enum Checker {
  static let hint =
    "run scripts/test, which installs them (scripts/install-deps test: Debian chromium and chromium-driver; "
    + "PyPI selenium, axe-selenium-python, axe-playwright-python, LinkChecker)"

  /// The real content's build, shared with RealContentTests; nil (with an issue) when it failed.
  static func site() -> String? {
    let (result, output) = RealContentTests.built
    guard result.wrote else {
      Issue.record("the real content did not build, so there is no site to check")
      return nil
    }
    return output
  }

  /// What is missing for the checkers, named so a person can install it.
  static func missingTools() -> [String] {
    var missing: [String] = []
    for path in ["/usr/bin/chromium", "/usr/bin/chromedriver"] where !FileManager.default.isExecutableFile(atPath: path)
    {
      missing.append(path)
    }
    for module in ["selenium", "axe_selenium_python"] {
      switch runTool(["python3", "-c", "import \(module)"]) {
      case nil: return ["python3"]
      case (let status, _)? where status != 0: missing.append("the Python module \(module)")
      default: break
      }
    }
    if runTool(["linkchecker", "--version"]) == nil { missing.append("the linkchecker command") }
    return missing
  }

  /// Runs a checker over a built site; records an issue naming the check when tools are missing
  /// or the checker fails. Returns the checker's report on success.
  @discardableResult
  static func run(_ script: String, over site: String?, check: String, arguments: [String] = []) -> String? {
    guard let site else { return nil }
    let missing = missingTools()
    guard missing.isEmpty else {
      Issue.record("\(check) needs \(missing.joined(separator: ", ")); \(hint)")
      return nil
    }
    guard let (status, report) = runTool(["python3", Paths.repository + "/Tests/Browser/" + script, site] + arguments)
    else {
      Issue.record("\(check): python3 could not start; \(hint)")
      return nil
    }
    guard status == 0 else {
      Issue.record("\(check) failed:\n\(report.suffix(6000))")
      return nil
    }
    return report
  }

  /// Runs a checker expected to fail (its summary line is not written); returns its report, or
  /// records an issue when it passes or cannot run.
  static func failure(_ script: String, over site: String, arguments: [String]) -> String {
    let missing = missingTools()
    guard missing.isEmpty else {
      Issue.record("\(script) needs \(missing.joined(separator: ", ")); \(hint)")
      return ""
    }
    let command = ["KIRAMEKI_SUMMARY=off", "python3", Paths.repository + "/Tests/Browser/" + script, site] + arguments
    guard let (status, report) = runTool(command) else {
      Issue.record("python3 could not start; \(hint)")
      return ""
    }
    if status == 0 { Issue.record("\(script) passed a deliberately broken site:\n\(report)") }
    return report
  }
}

/// The CI summary that scripts/test prints after `swift test`: one line per end-to-end check.
enum CISummary {
  static func append(_ line: String) {
    let environment = ProcessInfo.processInfo.environment["KIRAMEKI_SUMMARY"]
    let path = environment ?? Paths.repository + "/Tests/Output/summary.txt"
    guard path != "off", let data = (line + "\n").data(using: .utf8) else { return }
    let folder = (path as NSString).deletingLastPathComponent
    try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    if let handle = FileHandle(forWritingAtPath: path) {
      handle.seekToEndOfFile()
      handle.write(data)
      handle.closeFile()
    } else {
      FileManager.default.createFile(atPath: path, contents: data)
    }
  }
}
