import Diagnostics
import Foundation

/// The loading stage: every Markdown file under `content/` as a `Source`, and the other files
/// found there (copied to the site as they are).
public struct LoadedContent: Sendable {
  public var sources: [Source]
  /// Non-Markdown files under `content/`, relative to the site root.
  public var staticFiles: [String]
  public var diagnostics: [Diagnostic]
  /// What `fingerprint` gave for the bytes of each Markdown file read, by path, when asked.
  public var fingerprints: [String: String] = [:]
}

public enum ContentLoader {
  /// Whether the file at a site-relative path under `content/` is one `load` reads as Markdown.
  @Sendable public static func isMarkdown(_ path: String) -> Bool {
    path.hasPrefix("content/") && path.hasSuffix(".md")
  }

  /// - Parameter fingerprint: called with the bytes of every Markdown file as they were read (the
  ///   build's input digest is made of what was built, without reading the files twice).
  public static func load(
    root: String, io: FileIO, fingerprint: (@Sendable (Data) -> String)? = nil
  ) -> LoadedContent {
    var diagnostics: [Diagnostic] = []
    let files: [String]
    do {
      files = try io.listFiles(root + "/content")
    } catch {
      return LoadedContent(
        sources: [], staticFiles: [],
        diagnostics: [.error(at: .file("content"), "cannot list the content folder: \(error.localizedDescription)")])
    }
    if files.isEmpty {
      diagnostics.append(
        .error(at: .file("content"), "no content found", hint: "put Markdown files in content/<section>/"))
    }
    let paths = files.map { "content/" + $0 }
    let markdown = paths.filter(isMarkdown)
    let staticFiles = paths.filter { !$0.hasSuffix(".md") }
    // Files are read and split on every core; results keep the sorted file order.
    var sources: [Source] = []
    var fingerprints: [String: String] = [:]
    for (path, (result, print)) in zip(
      markdown, OrderedParallel.map(markdown, { load($0, root: root, io: io, fingerprint: fingerprint) }))
    {
      switch result {
      case .success(let source): sources.append(source)
      case .failure(let diagnostic): diagnostics.append(diagnostic)
      }
      if let print { fingerprints[path] = print }
    }
    return LoadedContent(
      sources: sources, staticFiles: staticFiles, diagnostics: diagnostics, fingerprints: fingerprints)
  }

  /// The file's source and, when asked, the fingerprint of the bytes read (nil when unread).
  static func load(
    _ path: String, root: String, io: FileIO, fingerprint: (@Sendable (Data) -> String)?
  ) -> (Result<Source, Diagnostic>, String?) {
    let data: Data
    do {
      data = try io.read(root + "/" + path)
    } catch {
      return (.failure(.error(at: .file(path), "cannot read the file: \(error.localizedDescription)")), nil)
    }
    return (parse(path, data), fingerprint?(data))
  }

  private static func parse(_ path: String, _ data: Data) -> Result<Source, Diagnostic> {
    // As `String(data:encoding: .utf8)`, which this replaces: one leading byte order mark is dropped.
    let text = data.withUnsafeBytes { raw in
      let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]
      let bytes = raw.starts(with: byteOrderMark) ? UnsafeRawBufferPointer(rebasing: raw[3...]) : raw
      return String(validating: bytes, as: UTF8.self)
    }
    guard let text else {
      return .failure(.error(at: .file(path), "the file is not valid UTF-8", hint: "save it as UTF-8"))
    }
    return SourceParser.parse(path: path, text: text)
  }
}
