import Yams

/// The draft file's text: front matter written by Yams' emitter, then the body.
enum DraftText {
  static func render(_ draft: Draft) throws -> String {
    let pairs = draft.frontMatter.map { (Node.scalar(.init($0.name)), node($0.value)) }
    let yaml = try Yams.serialize(node: .mapping(.init(pairs)), width: -1, allowUnicode: true)
    let body = draft.body.isEmpty ? "" : "\n" + draft.body + "\n"
    return "---\n" + yaml + "---\n" + body
  }

  static func node(_ value: DraftValue) -> Node {
    switch value {
    case .text(let text): .scalar(.init(text, Tag(.str), .doubleQuoted))
    case .plain(let text): .scalar(.init(text, .implicit, .plain))
    case .list(let items): .sequence(.init(items.map(node), Tag(.seq), .block))
    }
  }
}
