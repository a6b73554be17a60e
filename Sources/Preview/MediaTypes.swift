/// The `Content-Type` of a served file, from its name. Search data (`.bin.gz`, `.json.gz`) is sent as
/// gzip bytes: the search client inflates them itself.
enum MediaTypes {
  static func type(forPath path: String) -> String {
    let name = path.split(separator: "/").last.map(String.init) ?? path
    guard let dot = name.lastIndex(of: ".") else { return "application/octet-stream" }
    switch name[name.index(after: dot)...].lowercased() {
    case "html", "htm": return "text/html; charset=utf-8"
    case "css": return "text/css; charset=utf-8"
    case "js", "mjs": return "text/javascript; charset=utf-8"
    case "json": return "application/json"
    case "xml": return name.hasPrefix("feed") ? "application/atom+xml" : "application/xml"
    case "ics": return "text/calendar; charset=utf-8"
    case "txt": return "text/plain; charset=utf-8"
    case "gz": return "application/gzip"
    case "svg": return "image/svg+xml"
    case "png": return "image/png"
    case "jpg", "jpeg": return "image/jpeg"
    case "webp": return "image/webp"
    case "ico": return "image/x-icon"
    case "pdf": return "application/pdf"
    default: return "application/octet-stream"
    }
  }
}
