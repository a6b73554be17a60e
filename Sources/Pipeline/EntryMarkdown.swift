import Decode
import Markdown
import Schema

/// The Markdown stage for one entry, for the full build and the preview alike: bodies that came in
/// through a form (the entry has `submission:`) are rendered with the stricter link rules.
enum EntryMarkdown {
  static func document(for entry: Entry) -> Document {
    let trust: MarkdownRenderer.Trust = entry.fields[CommonFields.submission.name] == nil ? .editor : .submitted
    return MarkdownRenderer.render(entry.body, language: entry.language, trust: trust)
  }
}
