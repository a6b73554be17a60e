import ArgumentParser
import BenchCorpus
import Diagnostics
import Foundation
import Pipeline
import Schema

/// `kirameki-bench corpus`: writes a seedable, deterministic synthetic hub corpus that
/// `kirameki build --root DIR` builds with the default theme.
struct CorpusCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "corpus",
    abstract: "Write a synthetic hub corpus (kirameki.yaml, content/, needles.tsv) into a folder.",
    discussion: """
      The same --entries and --seed always give byte-identical files. The mix is 20 % seminars, \
      10 % guides, 30 % companies, 25 % needs and 15 % news; every file is valid under the schemas.

      needles.tsv lists the planted rare phrases, one query per line: \
      doc_url<TAB>kind<TAB>variant_name<TAB>query.
      """
  )

  @Option(help: "Number of entries (content files, not counting guide translations).")
  var entries: Int

  @Option(help: "Seed of the generator.")
  var seed: UInt64 = 42

  @Option(help: "The folder to write; its content/ is replaced when an earlier corpus is there.")
  var out: String

  @Option(help: "Themes folder to link as OUT/themes. Default: ./themes when it exists.")
  var themes: String?

  @Option(help: "Planted needles (at most one per four entries).")
  var needles: Int = 50

  @Flag(help: "Build the corpus in memory afterwards and report its diagnostics.")
  var check = false

  @Option(help: "The moment --check builds for (ISO 8601 date or date-time).")
  var now: String = "2026-11-25"

  func validate() throws {
    guard entries >= 1 else { throw ValidationError("--entries must be at least 1") }
    guard needles >= 0 else { throw ValidationError("--needles cannot be negative") }
    guard moment != nil else {
      throw ValidationError("--now '\(now)' is not ISO 8601 (2026-11-25 or 2026-11-25T09:00:00+09:00)")
    }
  }

  var moment: DateTime? {
    DateTime(iso: now)
      ?? LocalDate(iso: now).map { DateTime(date: $0, hour: 0, minute: 0, offsetSeconds: DateTime.jstOffset) }
  }

  var themesFolder: String? {
    if let themes { return themes }
    var isDirectory: ObjCBool = false
    let candidate = FileManager.default.currentDirectoryPath + "/themes"
    return FileManager.default.fileExists(atPath: candidate, isDirectory: &isDirectory) && isDirectory.boolValue
      ? candidate : nil
  }

  func run() throws {
    let started = ContinuousClock.now
    let report: CorpusReport
    do {
      report = try CorpusGenerator.write(
        CorpusOptions(entries: entries, seed: seed, needles: needles), to: out, themes: themesFolder)
    } catch {
      FileHandle.standardError.write(Data("error: \(error)\n".utf8))
      throw ExitCode(1)
    }
    let seconds = Self.seconds(ContinuousClock.now - started)
    let mix = report.entries.map { "\($0.section) \($0.count)" }.joined(separator: ", ")
    print(
      "Wrote \(report.files) files (\(mix); \(report.translations) English guide translations, \(report.englishOnly) English-only and \(report.germanOnly) German-only news) to \(out) in \(String(format: "%.2f", seconds)) s"
    )
    print(
      "  \(String(format: "%.1f", Double(report.bytes) / 1_048_576)) MiB, body \(report.shortestBody)–\(report.longestBody) characters (\(report.bodyCharacters / max(1, report.files)) on average)"
    )
    print(
      "  \(report.needles.count) needles, each in exactly one file, listed in \(out)/needles.tsv"
        + (report.regenerated > 0 ? " (\(report.regenerated) entries regenerated to keep them unique)" : ""))
    if themesFolder == nil {
      print("  no themes folder linked: pass --themes PATH for `kirameki build --root \(out)`")
    }
    if check { try checkBuild() }
  }

  /// Builds the corpus in memory, as `kirameki build` would, and reports its diagnostics.
  func checkBuild() throws {
    guard let moment else { return }
    let started = ContinuousClock.now
    let result = Build.render(BuildOptions(root: out, themes: themesFolder, now: moment))
    let seconds = Self.seconds(ContinuousClock.now - started)
    if !result.diagnostics.isEmpty {
      FileHandle.standardError.write(
        Data((DiagnosticFormatter.format(Array(result.diagnostics.prefix(20))) + "\n").utf8))
    }
    print(
      "Checked: \(result.pageCount) pages rendered in memory in \(String(format: "%.2f", seconds)) s (\(DiagnosticFormatter.summary(result.diagnostics)))"
    )
    if result.diagnostics.hasErrors { throw ExitCode(1) }
  }

  static func seconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
  }
}
