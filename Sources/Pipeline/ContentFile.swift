import Decode
import Diagnostics
import Foundation
import Load
import Markdown

/// One Markdown file of `content/` taken through load, decode and Markdown: what the incremental
/// build keeps per file, so an edit re-parses only the edited file.
struct ContentFile: Sendable {
  /// The bytes the stages ran on; a file whose bytes are unchanged is not processed again.
  var data: Data
  var entry: Entry?
  var diagnostics: [Diagnostic]
  /// The rendered body; nil for a draft when drafts are left out.
  var document: Document?

  /// The same steps and messages as `ContentLoader.load` followed by the build's decode and
  /// Markdown stages, for one file.
  static func process(path: String, data: Data, includeDrafts: Bool) -> ContentFile {
    guard let text = String(data: data, encoding: .utf8) else {
      return ContentFile(
        data: data, entry: nil,
        diagnostics: [.error(at: .file(path), "the file is not valid UTF-8", hint: "save it as UTF-8")], document: nil)
    }
    let source: Source
    switch SourceParser.parse(path: path, text: text) {
    case .success(let parsed): source = parsed
    case .failure(let diagnostic): return ContentFile(data: data, entry: nil, diagnostics: [diagnostic], document: nil)
    }
    let (entry, diagnostics) = EntryDecoder.decode(source)
    var document: Document?
    if let entry, includeDrafts || !entry.draft {
      document = EntryMarkdown.document(for: entry)
    }
    return ContentFile(data: data, entry: entry, diagnostics: diagnostics, document: document)
  }

  static func unreadable(path: String, error: any Error, data: Data = Data()) -> ContentFile {
    ContentFile(
      data: data, entry: nil,
      diagnostics: [.error(at: .file(path), "cannot read the file: \(error.localizedDescription)")], document: nil)
  }
}
