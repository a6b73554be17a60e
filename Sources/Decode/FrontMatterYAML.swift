import Yams

/// Composes front matter into YAML nodes, as `Yams.compose(yaml:)` does, but fast: straight from
/// libyaml's events (`FrontMatterEvents`) when the document is plain front matter, else as follows.
///
/// With the default resolver, Yams resolves the tag of every mapping key with a series of regular
/// expressions while it checks for duplicate keys, and that dominates decoding. Without resolver
/// rules every untagged scalar is a string. When every key is a scalar that is then a string
/// (untagged, quoted or `!!str`), the fast result is the same tree: keys that are equal under the
/// default resolver are equal here too (same text), so finding no duplicate here means there is
/// none; lookups by field name (never a word like `true` or `null`) match the same keys; values are
/// read as text. Any other document, and any error, is composed again with the default resolver,
/// so results and error messages stay exactly as before.
enum FrontMatterYAML {
  /// `Parser.Encoding.default` reads the environment on every call; once is enough.
  private static let encodingName = Parser.Encoding.default.rawValue
  private static var encoding: Parser.Encoding { Parser.Encoding(rawValue: encodingName) ?? .default }
  private static let stringTag = Tag.Name.str.rawValue

  static func compose(_ yaml: String) throws -> Node? {
    let encoding = self.encoding
    if encoding == .utf8, let composed = FrontMatterEvents.compose(yaml) { return composed }
    do {
      guard let node = try Yams.compose(yaml: yaml, .basic, .default, encoding) else { return nil }
      if keysAreStrings(node) { return node }
    } catch {
      // Composed again below, for the exact error.
    }
    return try Yams.compose(yaml: yaml, .default, .default, encoding)
  }

  static func keysAreStrings(_ node: Node) -> Bool {
    switch node {
    case .scalar, .alias:
      return true
    case .sequence(let sequence):
      return sequence.allSatisfy(keysAreStrings)
    case .mapping(let mapping):
      for (key, value) in mapping {
        guard case .scalar(let scalar) = key, scalar.tag.rawValue == stringTag || scalar.tag.rawValue.isEmpty else {
          return false
        }
        if !keysAreStrings(value) { return false }
      }
      return true
    }
  }
}
