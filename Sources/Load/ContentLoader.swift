import Diagnostics
import Foundation

/// The loading stage: every Markdown file under `content/` as a `Source`, and the other files
/// found there (copied to the site as they are).
public struct LoadedContent: Sendable {
  public var sources: [Source]
  /// Non-Markdown files under `content/`, relative to the site root.
  public var staticFiles: [String]
  public var diagnostics: [Diagnostic]
}

public enum ContentLoader {
  public static func load(root: String, io: FileIO) -> LoadedContent {
    var sources: [Source] = []
    var staticFiles: [String] = []
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
    for relative in files {
      let path = "content/" + relative
      guard relative.hasSuffix(".md") else {
        staticFiles.append(path)
        continue
      }
      let text: String
      do {
        let data = try io.read(root + "/" + path)
        guard let decoded = String(data: data, encoding: .utf8) else {
          diagnostics.append(.error(at: .file(path), "the file is not valid UTF-8", hint: "save it as UTF-8"))
          continue
        }
        text = decoded
      } catch {
        diagnostics.append(.error(at: .file(path), "cannot read the file: \(error.localizedDescription)"))
        continue
      }
      switch SourceParser.parse(path: path, text: text) {
      case .success(let source): sources.append(source)
      case .failure(let diagnostic): diagnostics.append(diagnostic)
      }
    }
    return LoadedContent(sources: sources, staticFiles: staticFiles, diagnostics: diagnostics)
  }
}
