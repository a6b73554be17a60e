import CCmarkGFM
import Diagnostics
import Foundation

/// CSS Text 3 segment-break rule for Japanese: a line break in the source between two East Asian
/// wide characters joins the lines without a space.
enum SoftBreaks {
  static func dropBetweenWideCharacters(in root: OpaquePointer) {
    var breaks: [OpaquePointer] = []
    guard let iterator = cmark_iter_new(root) else { return }
    defer { cmark_iter_free(iterator) }
    while true {
      let event = cmark_iter_next(iterator)
      if event == CMARK_EVENT_DONE { break }
      guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
      if cmark_node_get_type(node) == CMARK_NODE_SOFTBREAK,
        let before = lastScalar(of: cmark_node_previous(node)), EastAsianWidth.isWide(before),
        let after = firstScalar(of: cmark_node_next(node)), EastAsianWidth.isWide(after)
      {
        breaks.append(node)
      }
    }
    for node in breaks {
      cmark_node_free(node)
    }
  }

  private static func lastScalar(of node: OpaquePointer?) -> Unicode.Scalar? {
    guard let node else { return nil }
    if cmark_node_get_type(node) == CMARK_NODE_TEXT || cmark_node_get_type(node) == CMARK_NODE_CODE {
      return literal(node)?.unicodeScalars.last
    }
    return lastScalar(of: cmark_node_last_child(node))
  }

  private static func firstScalar(of node: OpaquePointer?) -> Unicode.Scalar? {
    guard let node else { return nil }
    if cmark_node_get_type(node) == CMARK_NODE_TEXT || cmark_node_get_type(node) == CMARK_NODE_CODE {
      return literal(node)?.unicodeScalars.first
    }
    return firstScalar(of: cmark_node_first_child(node))
  }

  static func literal(_ node: OpaquePointer) -> String? {
    var text: String?
    literal(of: node) { text = String(decoding: $0, as: UTF8.self) }
    return text
  }

  /// The node's literal as cmark holds it, as bytes; `body` is not called when it has none.
  static func literal(of node: OpaquePointer, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
    guard let pointer = cmark_node_get_literal(node) else { return }
    pointer.withMemoryRebound(to: UInt8.self, capacity: 1) { start in
      body(UnsafeBufferPointer(start: start, count: strlen(pointer)))
    }
  }
}
