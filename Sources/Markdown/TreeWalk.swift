import CCmarkGFM

/// One pass over the parsed tree that gathers headings, links and the plain text.
struct TreeWalk {
  struct RawHeading {
    var level: Int
    var text: String
  }

  var headings: [RawHeading] = []
  var links: [LinkReference] = []
  var plainText = ""
  /// Text of all paragraphs, separated by newlines.
  var paragraphText = ""
  /// Text of the paragraphs before the first heading.
  var leadText = ""

  static func collect(_ root: OpaquePointer) -> TreeWalk {
    var walk = TreeWalk()
    guard let iterator = cmark_iter_new(root) else { return walk }
    defer { cmark_iter_free(iterator) }
    var headingLevel = 0
    var headingText = ""
    var paragraphDepth = 0
    var seenHeading = false
    func addText(_ text: String) {
      walk.plainText += text
      if headingLevel > 0 { headingText += text }
      if paragraphDepth > 0 {
        walk.paragraphText += text
        if !seenHeading { walk.leadText += text }
      }
    }
    while true {
      let event = cmark_iter_next(iterator)
      if event == CMARK_EVENT_DONE { break }
      guard let node = cmark_iter_get_node(iterator) else { continue }
      let entering = event == CMARK_EVENT_ENTER
      switch cmark_node_get_type(node) {
      case CMARK_NODE_HEADING:
        if entering {
          headingLevel = Int(cmark_node_get_heading_level(node))
          headingText = ""
          seenHeading = true
        } else {
          walk.headings.append(RawHeading(level: headingLevel, text: headingText))
          headingLevel = 0
          walk.plainText += "\n"
        }
      case CMARK_NODE_PARAGRAPH:
        paragraphDepth += entering ? 1 : -1
        if !entering { addText("\n") }
      case CMARK_NODE_TEXT, CMARK_NODE_CODE:
        addText(SoftBreaks.literal(node) ?? "")
      case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
        addText(" ")
      case CMARK_NODE_CODE_BLOCK:
        walk.plainText += (SoftBreaks.literal(node) ?? "") + "\n"
      case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
        if entering, let url = cmark_node_get_url(node) {
          walk.links.append(
            LinkReference(
              destination: String(cString: url), line: Int(cmark_node_get_start_line(node)),
              byteColumn: Int(cmark_node_get_start_column(node))))
        }
      default:
        if !entering, cmark_node_get_type_string(node).map({ String(cString: $0) }) == "table_cell" {
          walk.plainText += " "
        }
      }
    }
    return walk
  }
}
