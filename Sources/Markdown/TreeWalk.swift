import CCmarkGFM

/// One pass over the parsed tree that gathers headings, links and the plain text.
struct TreeWalk {
  struct RawHeading {
    var level: Int
    var text: String
  }

  var headings: [RawHeading] = []
  var links: [LinkReference] = []
  /// The texts as UTF-8, gathered from cmark's literals without a String for each node; cmark
  /// was told to validate its input, so they are made Strings once, at the end.
  private var plainBytes: [UInt8] = []
  private var paragraphBytes: [UInt8] = []
  private var leadBytes: [UInt8] = []

  var plainText: String { String(decoding: plainBytes, as: UTF8.self) }
  /// Text of all paragraphs, separated by newlines.
  var paragraphText: String { String(decoding: paragraphBytes, as: UTF8.self) }
  /// Text of the paragraphs before the first heading.
  var leadText: String { String(decoding: leadBytes, as: UTF8.self) }
  var hasLeadText: Bool { !leadBytes.isEmpty }

  static func collect(_ root: OpaquePointer) -> TreeWalk {
    var walk = TreeWalk()
    guard let iterator = cmark_iter_new(root) else { return walk }
    defer { cmark_iter_free(iterator) }
    var headingLevel = 0
    var headingBytes: [UInt8] = []
    var paragraphDepth = 0
    var seenHeading = false
    func addText(_ text: UnsafeBufferPointer<UInt8>) {
      walk.plainBytes.append(contentsOf: text)
      if headingLevel > 0 { headingBytes.append(contentsOf: text) }
      if paragraphDepth > 0 {
        walk.paragraphBytes.append(contentsOf: text)
        if !seenHeading { walk.leadBytes.append(contentsOf: text) }
      }
    }
    func addText(_ text: StaticString) {
      text.withUTF8Buffer { addText($0) }
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
          headingBytes.removeAll(keepingCapacity: true)
          seenHeading = true
        } else {
          walk.headings.append(RawHeading(level: headingLevel, text: String(decoding: headingBytes, as: UTF8.self)))
          headingLevel = 0
          walk.plainBytes.append(UInt8(ascii: "\n"))
        }
      case CMARK_NODE_PARAGRAPH:
        paragraphDepth += entering ? 1 : -1
        if !entering { addText("\n") }
      case CMARK_NODE_TEXT, CMARK_NODE_CODE:
        SoftBreaks.literal(of: node, addText)
      case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
        addText(" ")
      case CMARK_NODE_CODE_BLOCK:
        SoftBreaks.literal(of: node) { walk.plainBytes.append(contentsOf: $0) }
        walk.plainBytes.append(UInt8(ascii: "\n"))
      case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
        if entering, let url = cmark_node_get_url(node) {
          walk.links.append(
            LinkReference(
              destination: String(cString: url), line: Int(cmark_node_get_start_line(node)),
              byteColumn: Int(cmark_node_get_start_column(node))))
        }
      default:
        if !entering, cmark_node_get_type_string(node).map({ String(cString: $0) }) == "table_cell" {
          walk.plainBytes.append(UInt8(ascii: " "))
        }
      }
    }
    return walk
  }
}
