import Foundation
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
  ]

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
      return "\(scalar.string)/\(scalar.style)@\(scalar.mark.map { "\($0.line):\($0.column)" } ?? "-")"
    case .sequence(let sequence): return "[" + sequence.map(description).joined(separator: ",") + "]"
    case .mapping(let mapping):
      return "{" + mapping.map { description($0.key) + ":" + description($0.value) }.joined(separator: ",") + "}"
    case .alias: return "*"
    }
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
