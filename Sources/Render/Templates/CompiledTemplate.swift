/// A Mustache template compiled once for `TemplateSet`: the same tokens swift-mustache's parser
/// makes (text split the same way, standalone lines removed the same way), as values the renderer
/// walks without the library's per-tag dynamic casts and name splitting.
struct CompiledTemplate: Sendable {
  var nodes: [Node]

  indirect enum Node: Sendable {
    case text([UInt8])
    case variable(Name, escaped: Bool)
    case section(Name, CompiledTemplate)
    case invertedSection(Name, CompiledTemplate)
    /// `{{> name}}`, or `{{< name}}…{{/name}}` with the blocks it overrides.
    case partial(String, overrides: [String: CompiledTemplate]?)
    /// `{{$name}}default{{/name}}` outside a parent: the override in force, else the default.
    case block(String, default: CompiledTemplate)
    /// `{{% CONTENT_TYPE: … }}`: how the rest of this template escapes `{{name}}`.
    case escaping(Escaping)
  }

  /// How `{{name}}` is escaped: swift-mustache's HTML escaping (each template starts with it, and
  /// `HTML` selects it), Kirameki's byte escaper (`HTMLEscaping`), or none (`TEXT`).
  enum Escaping: Sendable {
    case library, bytes, none
  }

  /// A tag's name as swift-mustache resolves it.
  enum Name: Sendable, Equatable {
    /// `{{.}}` (and an empty name): the object on top of the context stack.
    case current
    /// `{{a.b}}`: `a` looked up down the stack, then `b` in what was found.
    case stack([Fields.Name])
    /// `{{.a.b}}`: `a` in the top object only.
    case top([Fields.Name])

    init(_ text: String) {
      if text == "." || text.isEmpty {
        self = .current
        return
      }
      let parts = text.split(separator: ".").map { Fields.Name(String($0)) }
      if parts.isEmpty {
        self = .current
      } else if text.first == "." {
        self = .top(parts)
      } else {
        self = .stack(parts)
      }
    }
  }

  /// The names of the templates this one uses as partials or parents.
  var references: Set<String> {
    var names = Set<String>()
    for node in nodes {
      switch node {
      case .section(_, let inner), .invertedSection(_, let inner), .block(_, let inner):
        names.formUnion(inner.references)
      case .partial(let name, let overrides):
        names.insert(name)
        for override in overrides?.values ?? [:].values { names.formUnion(override.references) }
      case .text, .variable, .escaping:
        break
      }
    }
    return names
  }
}
