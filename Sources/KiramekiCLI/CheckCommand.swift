import ArgumentParser
import Check
import Foundation
import Pipeline

/// `kirameki check`: exit 0 when there is no error (warnings are allowed unless `--strict`),
/// 1 when there are errors (or warnings with `--strict`), 64 for a bad command line.
struct CheckCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "check",
    abstract: "Report every problem in content, templates, links and anchors, without writing site/.",
    discussion: """
      Checks drafts too. Exit status: 0 no errors (warnings allowed), 1 errors found (or warnings \
      with --strict), 64 bad command line.
      """
  )

  enum Format: String, ExpressibleByArgument, CaseIterable {
    case text, json
  }

  @Option(help: "Output format: text (grouped by file) or json.")
  var format: Format = .text

  @Flag(help: "Fail on warnings too.")
  var strict = false

  @Flag(help: "Leave out entries marked 'draft: true'.")
  var noDrafts = false

  @Option(help: "The moment to check for, ISO 8601. Default: now.")
  var now: String?

  @Option(help: "The site root, holding kirameki.yaml and content/. Default: the current folder.")
  var root: String = "."

  @Option(help: "The folder holding themes. Default: themes/ under the site root.")
  var themes: String?

  func run() throws {
    let options = BuildOptions(
      root: root, themes: themes, includeDrafts: !noDrafts, now: try NowParser.moment(now))
    let report = Checker.run(options)
    switch format {
    case .text: print(report.text())
    case .json: print(report.json())
    }
    if report.hasErrors || (strict && report.hasWarnings) { throw ExitCode(1) }
  }
}
