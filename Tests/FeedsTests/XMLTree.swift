import Foundation

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// A parsed XML element, for reading the Atom feed and the sitemap back in tests.
final class XMLNode {
  let name: String
  let attributes: [String: String]
  var text = ""
  var children: [XMLNode] = []

  init(name: String, attributes: [String: String]) {
    self.name = name
    self.attributes = attributes
  }

  func all(_ name: String) -> [XMLNode] { children.filter { $0.name == name } }
  func first(_ name: String) -> XMLNode? { children.first { $0.name == name } }

  /// Parses a whole document; nil when it is not well-formed.
  static func parse(_ text: String) -> XMLNode? {
    let builder = Builder()
    let parser = XMLParser(data: Data(text.utf8))
    parser.delegate = builder
    guard parser.parse() else { return nil }
    return builder.root
  }

  private final class Builder: NSObject, XMLParserDelegate {
    var root: XMLNode?
    var stack: [XMLNode] = []

    func parser(
      _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
      attributes: [String: String]
    ) {
      let node = XMLNode(name: elementName, attributes: attributes)
      stack.last?.children.append(node)
      if root == nil { root = node }
      stack.append(node)
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
      stack.removeLast()
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
      stack.last?.text += string
    }
  }
}
