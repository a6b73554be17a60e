import BenchCorpus
import Foundation

enum Paths {
  static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().path
  static let themes = repository + "/themes"
}

func temporaryFolder() throws -> String {
  let url = FileManager.default.temporaryDirectory.appendingPathComponent("kirameki-bench-test-\(UUID().uuidString)")
  try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  return url.path
}

/// Generates a corpus into a fresh temporary folder.
func generate(entries: Int, seed: UInt64, themes: String? = nil) throws -> (String, CorpusReport) {
  let folder = try temporaryFolder()
  let report = try CorpusGenerator.write(CorpusOptions(entries: entries, seed: seed), to: folder, themes: themes)
  return (folder, report)
}

/// Every regular file below a folder (symlinks not followed), relative path → bytes.
func readTree(_ folder: String) throws -> [String: Data] {
  var files: [String: Data] = [:]
  let manager = FileManager.default
  guard let enumerator = manager.enumerator(atPath: folder) else { return files }
  while let relative = enumerator.nextObject() as? String {
    let path = folder + "/" + relative
    let attributes = try manager.attributesOfItem(atPath: path)
    if attributes[.type] as? FileAttributeType == .typeRegular {
      files[relative] = try Data(contentsOf: URL(fileURLWithPath: path))
    }
  }
  return files
}

/// One line of needles.tsv.
struct NeedleLine: Hashable {
  var url: String
  var kind: String
  var variant: String
  var query: String
}

func needleLines(_ folder: String) throws -> [NeedleLine] {
  let text = try String(contentsOfFile: folder + "/needles.tsv", encoding: .utf8)
  return text.split(separator: "\n").map { line in
    let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
    return NeedleLine(
      url: fields.count > 0 ? fields[0] : "", kind: fields.count > 1 ? fields[1] : "",
      variant: fields.count > 2 ? fields[2] : "", query: fields.count > 3 ? fields[3] : "")
  }
}

/// The content file of a page URL: `/en/news/x/` → `content/news/x.en.md`.
func contentPath(forURL url: String) -> String? {
  var parts = url.split(separator: "/").map(String.init)
  var language = "ja"
  if let first = parts.first, first == "en" || first == "de" {
    language = first
    parts.removeFirst()
  }
  guard parts.count == 2 else { return nil }
  return "content/\(parts[0])/\(parts[1]).\(language).md"
}

/// The body of a content file (after the closing front-matter line).
func body(of text: String) -> Substring {
  guard text.hasPrefix("---\n"),
    let close = text.range(of: "\n---\n", range: text.index(text.startIndex, offsetBy: 3)..<text.endIndex)
  else { return text[...] }
  return text[close.upperBound...]
}
