import CCmarkGFM

/// Link filtering for submitted bodies: an allow-list of schemes rather than cmark's deny-list.
enum LinkSchemes {
  static let linkSchemes: Set<String> = ["http", "https", "mailto"]
  static let imageSchemes: Set<String> = ["http", "https"]

  /// The scheme of a URL, lowercased; nil for a relative URL (`/x`, `#a`, `page.html`).
  static func scheme(of url: String) -> String? {
    let head = url.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
    guard let colon = head.firstIndex(of: ":") else { return nil }
    return head[..<colon].lowercased().filter { !$0.isWhitespace && !$0.isASCIIControl }
  }

  static func isAllowed(_ url: String, image: Bool) -> Bool {
    guard let scheme = scheme(of: url) else { return true }
    return (image ? imageSchemes : linkSchemes).contains(scheme)
  }

  /// Replaces each disallowed link or image by its children (the link text, the image's alt
  /// text), so the words stay and the destination goes.
  static func unwrapUnsafe(in root: OpaquePointer) {
    var unsafe: [OpaquePointer] = []
    if let iterator = cmark_iter_new(root) {
      while true {
        let event = cmark_iter_next(iterator)
        if event == CMARK_EVENT_DONE { break }
        guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
        let type = cmark_node_get_type(node)
        guard type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE else { continue }
        let url = cmark_node_get_url(node).map { String(cString: $0) } ?? ""
        if !isAllowed(url, image: type == CMARK_NODE_IMAGE) { unsafe.append(node) }
      }
      cmark_iter_free(iterator)
    }
    // Innermost first, so a node is never moved after its parent was freed.
    for node in unsafe.reversed() {
      while let child = cmark_node_first_child(node) {
        cmark_node_insert_before(node, child)
      }
      cmark_node_free(node)
    }
  }
}

extension Character {
  fileprivate var isASCIIControl: Bool { asciiValue.map { $0 < 0x20 || $0 == 0x7F } ?? false }
}
