import Render

/// What a link inside the site can point at: every output path, and the `id`s on each HTML page.
struct LinkTargets {
  private(set) var paths: Set<String> = []
  private(set) var anchors: [String: Set<String>] = [:]
  /// Page URLs (`/guides/x/`), for "did you mean".
  private(set) var pageURLs: [String] = []

  /// From the built site's files: the exact files and the ids in each page.
  init(files: [OutputFile]) {
    for file in files {
      paths.insert(file.path)
      if file.path.hasSuffix(".html"), case .data(let data) = file.contents {
        anchors[file.path] = HTMLIds.ids(in: String(decoding: data, as: UTF8.self))
      }
    }
    pageURLs = paths.filter { $0.hasSuffix("index.html") }.map { "/" + $0.dropLast("index.html".count) }.sorted()
  }

  /// Does a site path (`guides/x/index.html`) exist?
  func contains(_ path: String) -> Bool { paths.contains(path) }

  /// The output file a URL path leads to (`/guides/x/` → `guides/x/index.html`), when one exists.
  func file(forURLPath urlPath: String) -> String? {
    var path = urlPath
    while path.hasPrefix("/") { path.removeFirst() }
    if path.isEmpty || path.hasSuffix("/") { return contains(path + "index.html") ? path + "index.html" : nil }
    if contains(path) { return path }
    return contains(path + "/index.html") ? path + "/index.html" : nil
  }
}

/// The `id` attribute values of an HTML document.
enum HTMLIds {
  static func ids(in html: String) -> Set<String> {
    var ids = Set<String>()
    var rest = html[...]
    while let range = rest.range(of: " id=\"") {
      let after = rest[range.upperBound...]
      guard let end = after.firstIndex(of: "\"") else { break }
      ids.insert(unescape(String(after[..<end])))
      rest = after[end...]
    }
    return ids
  }

  static func unescape(_ text: String) -> String {
    guard text.contains("&") else { return text }
    return text.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
      .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
      .replacingOccurrences(of: "&amp;", with: "&")
  }
}
