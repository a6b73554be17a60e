import CCmarkGFM
import Foundation
import Schema

/// The Markdown stage: the only place that talks to cmark-gfm. Parses GFM (tables,
/// strikethrough, autolinks, task lists, tag filter, footnotes), drops soft breaks between
/// Japanese characters, gives headings unique anchors and renders HTML. Raw HTML is never
/// passed through (no `CMARK_OPT_UNSAFE`), which also blanks javascript:, vbscript:, file: and
/// non-image data: links.
public enum MarkdownRenderer {
  /// Who wrote the body.
  public enum Trust: Sendable, Hashable {
    /// An editor, in the repository.
    case editor
    /// A visitor, through a form (the entry has `submission:`): in addition, every link and image
    /// whose scheme is not http, https or mailto (images: http or https) is replaced by its text.
    case submitted
  }

  static let extensionNames = ["table", "strikethrough", "autolink", "tasklist", "tagfilter"]

  /// cmark-gfm 0.29.0.gfm.6 (Debian) keeps the inline special-character table in a process-wide
  /// array that every `cmark_parser_finish` sets and clears for its extensions (fixed upstream
  /// in cmark-gfm PR #176). Two inline parses at once then lose `~~strikethrough~~`, so the
  /// inline phase runs one at a time; block parsing, tree edits and HTML rendering stay parallel.
  private static let inlinePhase = NSLock()

  /// The same version registers its extensions without a lock: two first calls at once register
  /// them twice, and table nodes made under one registration are then rendered under the other
  /// (`table.c: html_render: Assertion 'false' failed`, seen on a 10k-entry build). A static is
  /// initialised once, under Swift's lock, before any parser exists.
  private static let extensionsRegistered: Void = cmark_gfm_core_extensions_ensure_registered()

  public static func render(_ markdown: String, language: Language, trust: Trust = .editor) -> Document {
    _ = extensionsRegistered
    let options = CMARK_OPT_FOOTNOTES | CMARK_OPT_STRIKETHROUGH_DOUBLE_TILDE | CMARK_OPT_VALIDATE_UTF8
    guard let parser = cmark_parser_new(options) else {
      return Document(html: "", toc: [], plainText: "", excerpt: "", readingMinutes: 1, links: [])
    }
    defer { cmark_parser_free(parser) }
    for name in extensionNames {
      if let ext = cmark_find_syntax_extension(name) {
        cmark_parser_attach_syntax_extension(parser, ext)
      }
    }
    markdown.withCString { pointer in
      cmark_parser_feed(parser, pointer, strlen(pointer))
    }
    let root = inlinePhase.withLock { cmark_parser_finish(parser) }
    guard let root else {
      return Document(html: "", toc: [], plainText: "", excerpt: "", readingMinutes: 1, links: [])
    }
    defer { cmark_node_free(root) }
    if trust == .submitted {
      LinkSchemes.unwrapUnsafe(in: root)
    }

    if language == .ja {
      SoftBreaks.dropBetweenWideCharacters(in: root)
    }
    let walk = TreeWalk.collect(root)
    var anchors = HeadingAnchors()
    let headings = walk.headings.map { Heading(level: $0.level, text: $0.text, anchor: anchors.anchor(for: $0.text)) }

    let anchored = renderHTML(root, parser: parser, options: options) { HeadingIDs.insert(headings, into: $0) }
    // Made from the walk's bytes, so of its own length: the build holds every page's plain text
    // until the search index is made.
    let plain = walk.plainText
    return Document(
      html: anchored,
      toc: headings.filter { $0.level == 2 || $0.level == 3 },
      plainText: plain,
      excerpt: TextMetrics.excerpt(walk.hasLeadText ? walk.leadText : walk.paragraphText, language: language),
      readingMinutes: TextMetrics.readingMinutes(plain),
      links: walk.links)
  }

  /// cmark's HTML, handed to `finish` as the bytes of cmark's own buffer.
  private static func renderHTML(
    _ root: OpaquePointer, parser: OpaquePointer, options: Int32, finish: (UnsafeBufferPointer<UInt8>) -> String
  ) -> String {
    // The extension list must be passed, or tagfilter is silently skipped.
    guard let cString = cmark_render_html(root, options, cmark_parser_get_syntax_extensions(parser)) else { return "" }
    defer { free(cString) }
    return cString.withMemoryRebound(to: UInt8.self, capacity: 1) { start in
      finish(UnsafeBufferPointer(start: start, count: strlen(cString)))
    }
  }
}
