import Diagnostics
import Foundation
import Load
import Pipeline

/// `kirameki check`: every diagnostic the build finds, plus links and anchors, expired postings,
/// placeholders and translations, without writing `site/`.
public enum Checker {
  public static func run(_ options: BuildOptions) -> CheckReport {
    let result = Build.render(options)
    var diagnostics = result.diagnostics
    if let site = result.site {
      diagnostics += EntryChecks.diagnostics(site: site)
      if !result.files.isEmpty {
        diagnostics += LinkCheck.diagnostics(site: site, targets: LinkTargets(files: result.files))
      }
    }
    let linksChecked = !result.files.isEmpty
    return CheckReport(
      diagnostics: SourceLines.attach(Array(Set(diagnostics)), root: options.root, io: options.io).sorted(),
      linksChecked: linksChecked)
  }
}
