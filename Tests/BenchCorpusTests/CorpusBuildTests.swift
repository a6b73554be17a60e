import BenchCorpus
import Diagnostics
import Foundation
import Pipeline
import Schema
import Testing

/// A 300-entry corpus, built with the default theme as `kirameki build` would.
@Suite(.serialized) struct CorpusBuildTests {
  static let entries = 300
  static let corpus: (folder: String, report: CorpusReport)? = try? generate(entries: entries, seed: 42)
  static let now = DateTime(iso: "2026-11-25T12:00:00+09:00") ?? DateTime(epochSeconds: 0, offsetSeconds: 0)

  static let built: BuildResult? = corpus.map {
    Build.render(BuildOptions(root: $0.folder, themes: Paths.themes, now: now))
  }

  @Test func buildsWithoutErrors() throws {
    let result = try #require(Self.built)
    let errors = result.diagnostics.filter { $0.severity == .error }
    #expect(errors.isEmpty, "\(DiagnosticFormatter.format(Array(errors.prefix(20))))")
    let unknownFields = result.diagnostics.filter { $0.message.contains("unknown field") }
    #expect(unknownFields.isEmpty, "\(DiagnosticFormatter.format(Array(unknownFields.prefix(20))))")
    #expect(result.pageCount > Self.entries)
  }

  @Test func typeMixIsTwentyTenThirtyTwentyFiveFifteen() throws {
    let (folder, report) = try #require(Self.corpus)
    let files = try readTree(folder).keys.filter { $0.hasPrefix("content/") }
    var ids: [String: Set<String>] = [:]
    for path in files {
      let parts = path.split(separator: "/")
      guard parts.count == 3, let id = parts[2].split(separator: ".").first else { continue }
      ids[String(parts[1]), default: []].insert(String(id))
    }
    let expected = ["seminars": 60, "guides": 30, "companies": 90, "needs": 75, "news": 45]
    for (section, count) in expected {
      #expect(ids[section]?.count == count, "\(section): \(ids[section]?.count ?? 0)")
    }
    #expect(report.entries.map(\.count) == [60, 30, 90, 75, 45])
    for entries in [1, 7, 99, 1_000, 12_345, 100_000] {
      let counts = CorpusMix.counts(entries: entries)
      #expect(counts.map(\.count).reduce(0, +) == entries)
      for (count, share) in zip(counts, [20, 10, 30, 25, 15]) {
        #expect(abs(count.count * 100 - entries * share) < 100, "\(entries): \(counts)")
      }
    }
  }

  @Test func newsLanguagesAndGuideTranslations() throws {
    let (_, report) = try #require(Self.corpus)
    #expect(report.englishOnly + report.germanOnly > 0)
    let (folder, large) = try generate(entries: 4_000, seed: 5)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let news = large.entries.first { $0.section == "news" }?.count ?? 0
    let english = Double(large.englishOnly) / Double(news)
    let german = Double(large.germanOnly) / Double(news)
    #expect(english > 0.07 && english < 0.13, "English-only news: \(english)")
    #expect(german > 0.03 && german < 0.075, "German-only news: \(german)")
    #expect(large.translations > 10)
    let files = try FileManager.default.contentsOfDirectory(atPath: folder + "/content/guides")
    let translated = files.filter { $0.hasSuffix(".en.md") }
    #expect(translated.count == large.translations)
    for name in translated {
      #expect(files.contains(name.replacingOccurrences(of: ".en.md", with: ".ja.md")))
    }
  }

  @Test func everyNeedleIsInExactlyOneFileAndItsPage() throws {
    let (folder, report) = try #require(Self.corpus)
    let files = try readTree(folder).filter { $0.key.hasPrefix("content/") }
      .mapValues { String(decoding: $0, as: UTF8.self) }
    let lines = try needleLines(folder)
    let exact = lines.filter { $0.variant == "exact" }
    #expect(exact.count == 50)
    #expect(Set(exact.map(\.url)).count == 50, "two needles share a page")
    #expect(Set(exact.map(\.kind)) == ["katakana", "compound", "alnum", "english"])
    #expect(report.needles.allSatisfy { $0.filesContaining == 1 })
    let pages = Set((Self.built?.files ?? []).map(\.path))
    for line in exact {
      let path = try #require(contentPath(forURL: line.url), "bad doc_url \(line.url)")
      #expect(files[path] != nil, "no generated file for \(line.url)")
      let holders = files.filter { $0.value.contains(line.query) }.map(\.key)
      #expect(holders == [path], "'\(line.query)' is in \(holders)")
      if let text = files[path] {
        #expect(body(of: text).contains(line.query), "'\(line.query)' is not in the body of \(path)")
      }
      if Self.built?.diagnostics.hasErrors == false {
        #expect(pages.contains(String(line.url.dropFirst()) + "index.html"), "no page for \(line.url)")
      }
    }
    // Every needle has its typed variants, and each line has four fields.
    for line in lines {
      #expect(!line.url.isEmpty && !line.kind.isEmpty && !line.variant.isEmpty && !line.query.isEmpty)
    }
    for needle in exact {
      let variants = Set(lines.filter { $0.url == needle.url }.map(\.variant))
      switch needle.kind {
      case "katakana": #expect(variants == ["exact", "hiragana", "halfwidth_kana"])
      case "compound": #expect(variants == ["exact", "substring_head", "substring_tail"])
      case "english": #expect(variants == ["exact", "lowercase", "uppercase", "prefix"])
      default:
        #expect(
          variants == ["exact", "halfwidth", "halfwidth_compact", "lowercase"]
            || variants == ["exact", "fullwidth", "fullwidth_compact", "lowercase"])
      }
    }
  }

  @Test func bodiesAreFourHundredToFourThousandCharacters() throws {
    let (folder, report) = try #require(Self.corpus)
    let files = try readTree(folder).filter { $0.key.hasPrefix("content/") }
    for (path, data) in files {
      let length = body(of: String(decoding: data, as: UTF8.self)).unicodeScalars.count
      #expect((400...4000).contains(length), "\(path): \(length) characters")
    }
    #expect(report.shortestBody >= 400 && report.longestBody <= 4000)
  }

  @Test func bodiesUseTheMarkdownAHubPageUses() throws {
    let (folder, _) = try #require(Self.corpus)
    let texts = try readTree(folder).filter { $0.key.hasPrefix("content/") }.values
      .map { String(decoding: $0, as: UTF8.self) }
    func share(_ test: (String) -> Bool) -> Double { Double(texts.filter(test).count) / Double(texts.count) }
    #expect(share { $0.contains("\n## ") } == 1)
    #expect(share { $0.contains("\n### ") } > 0.1)
    #expect(share { $0.contains("\n- ") || $0.contains("\n1. ") } > 0.3)
    #expect(share { $0.contains("| --- |") } > 0.02)
    #expect(share { $0.contains("](/") } > 0.95)
    #expect(share { $0.contains("](https://") || $0.contains("<https://") } > 0.1)
    #expect(share { $0.unicodeScalars.contains { (0xFF10...0xFF19).contains($0.value) } } > 0.3)
  }

  @Test func frontMatterUsesOnlyTheSchemasValues() throws {
    let (folder, _) = try #require(Self.corpus)
    let files = try readTree(folder).filter { $0.key.hasPrefix("content/") }
    for (path, data) in files {
      let parts = path.split(separator: "/")
      let type = try #require(ContentTypes.forSection(String(parts[1])))
      let text = String(decoding: data, as: UTF8.self)
      let front = text.dropFirst(4).prefix { _ in true }.split(separator: "\n---\n", maxSplits: 1).first ?? ""
      for line in front.split(separator: "\n") where !line.hasPrefix(" ") {
        guard let colon = line.firstIndex(of: ":") else { continue }
        let name = String(line[..<colon])
        let field = try #require(type.field(named: name), "\(path): unknown field \(name)")
        guard let vocabulary = field.kind.vocabulary else { continue }
        let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        let values = value.hasPrefix("[") ? value.dropFirst().dropLast().components(separatedBy: ", ") : [value]
        for item in values {
          #expect(vocabulary.allowedValues.contains(item), "\(path): '\(item)' is not a \(vocabulary.name)")
        }
      }
      for required in type.fields where required.required {
        #expect(
          front.contains("\n\(required.name):") || front.hasPrefix("\(required.name):"), "\(path): no \(required.name)")
      }
    }
  }
}
