import Foundation
import Load
import Testing
import Yams

@testable import Decode

/// The shortcuts of decoding must answer exactly as the slower calls they stand for.
@Suite struct FastDecodingTests {
  static let documents = [
    "title: A\ndate: 2026-01-01\ntags: [a, b]",
    "title: A\ntitle: B",
    "\"title\": A\ntitle: B",
    "1: a\n\"1\": b",
    "!!int 1: a\n1: b",
    "!!str 1: a\n\"1\": b",
    "true: a\n\"true\": b",
    "null: a\n~: b",
    "? [a, b]\n: c",
    "speakers:\n  - name: A\n    name: B",
    "speakers:\n  - name: A\n    \"name\": B",
    "a: &x 1\nb: *x",
    "title: [unclosed",
    "",
    "# only a comment",
    "- a\n- b",
    "title: 'single'\nsummary: \"double \\\" quote\"\nbody: |\n  literal\n  lines\nnote: >\n  folded\n  text\n",
    "title: 日本語のタイトル\nspeakers:\n  - name: 山田\n    role: 講師\n  - {name: B, role: x}\ntags: [レーザー, 医療]\n",
    "text: \"nul \\0 inside\"",
    "a: 1\n---\nb: 2",
    "!!map {a: 1}",
    "a: !!seq [1]",
    "a: &s [1]\nb: 2",
    "a:\n  b:\n    c: deep\n  d: [x, {e: f}]\n",
    "a: 1\n\"a\": 2",
    "---\n",
    "plain: multi\n  line\n",
  ]

  /// Plain front matter is composed from libyaml's events; anything else is left to Yams.
  @Test func eventsTakeFrontMatterAndLeaveTheRest() {
    for yaml in [
      "title: A\ndate: 2026-01-01\ntags: [a, b]", "speakers:\n  - name: A\n    role: B", "", "# only a comment",
      "text: \"nul \\0 inside\"",
    ] {
      #expect(FrontMatterEvents.compose(yaml) != nil, "\(yaml)")
    }
    for yaml in [
      "title: A\ntitle: B", "\"title\": A\ntitle: B", "!!int 1: a\n1: b", "? [a, b]\n: c", "a: &x 1\nb: *x",
      "title: [unclosed", "a: 1\n---\nb: 2", "!!map {a: 1}", "a: !!seq [1]", "a: &s [1]\nb: 2",
    ] {
      #expect(FrontMatterEvents.compose(yaml) == nil, "\(yaml)")
    }
    #expect(FrontMatterEvents.compose("")! == nil)
  }

  /// Every real entry's front matter gives the nodes Yams gives, marks and styles included.
  @Test func eventsComposeTheRealContentAsYams() throws {
    let content = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent("content")
    let files =
      FileManager.default.enumerator(at: content, includingPropertiesForKeys: nil)?
      .compactMap { $0 as? URL }.filter { $0.pathExtension == "md" } ?? []
    #expect(files.count > 50)
    for file in files {
      // The front matter exactly as the build cuts it out of the file.
      let path = "content/" + file.deletingLastPathComponent().lastPathComponent + "/" + file.lastPathComponent
      let source = try SourceParser.parse(path: path, text: String(contentsOf: file, encoding: .utf8)).get()
      let yaml = source.frontMatter
      let events = try #require(FrontMatterEvents.compose(yaml), "\(file.lastPathComponent)")
      let yams = try Yams.compose(yaml: yaml, .basic, .default)
      #expect(events.map(description) == yams.map(description), "\(file.lastPathComponent)")
      #expect(events == yams, "\(file.lastPathComponent)")
    }
  }

  @Test(arguments: documents)
  func composesTheSameTreeAndErrorAsYams(_ yaml: String) {
    let expected = Result { try Yams.compose(yaml: yaml) }
    let fast = Result { try FrontMatterYAML.compose(yaml) }
    switch (expected, fast) {
    case (.success(let a), .success(let b)):
      // Value tags may differ (`2026-01-01` is a string here); the decoder reads values as text.
      #expect(a.map(description) == b.map(description))
    case (.failure(let a), .failure(let b)):
      #expect("\(a)" == "\(b)")
    default:
      Issue.record("one composed and the other failed: \(expected) / \(fast)")
    }
  }

  /// Structure, text, quoting and marks: everything the decoder reads.
  func description(_ node: Node) -> String {
    switch node {
    case .scalar(let scalar):
      return "\(scalar.string)/\(scalar.style)" + mark(scalar.mark)
    case .sequence(let sequence):
      return "[" + sequence.map(description).joined(separator: ",") + "]" + mark(sequence.mark)
    case .mapping(let mapping):
      return "{" + mapping.map { description($0.key) + ":" + description($0.value) }.joined(separator: ",") + "}"
        + mark(mapping.mark)
    case .alias: return "*"
    }
  }

  func mark(_ mark: Mark?) -> String {
    mark.map { "@\($0.line):\($0.column)" } ?? "@-"
  }

  @Test func whitespaceAnswersAsFoundation() {
    let scalars: [Unicode.Scalar] = [
      " ", "\t", "\n", "\r", "\u{0B}", "\u{0C}", "\u{85}", "\u{A0}", "\u{1680}", "\u{2000}", "\u{200B}", "\u{2028}",
      "\u{2029}", "\u{202F}", "\u{205F}", "\u{3000}", "\u{FEFF}", "a", "あ", "\u{301}", "\u{1F600}",
    ]
    for scalar in scalars {
      #expect(Whitespace.contains(scalar) == CharacterSet.whitespacesAndNewlines.contains(scalar), "\(scalar.value)")
    }
    for first in scalars {
      for second in scalars {
        for text in [String(first) + String(second), " " + String(first) + "x" + String(second) + "\u{3000}"] {
          #expect(Whitespace.trimmed(text) == text.trimmingCharacters(in: .whitespacesAndNewlines))
          #expect(Whitespace.isBlank(text) == text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty)
        }
      }
    }
    #expect(Whitespace.isBlank(""))
    #expect(Whitespace.trimmed("") == "")
  }
}
