import Foundation

/// The theme's templates compiled for rendering (`TemplateParser`, `TemplateRendering`): what
/// swift-mustache renders, byte for byte, in a fraction of its time. A template that uses what the
/// compiled renderer leaves to the library (see `TemplateParser`), or that reaches such a
/// template through its partials and parents, is not in the set, and the theme renders it with
/// the library instead.
struct TemplateSet: Sendable {
  private let templates: [String: CompiledTemplate]

  /// - Parameter sources: each template's full text by name, as registered with the library.
  init(sources: [String: String]) {
    var compiled: [String: CompiledTemplate] = [:]
    for (name, text) in sources {
      if let template = TemplateParser.parse(text) { compiled[name] = template }
    }
    // Drop templates that reach one the library must render, until none is left to drop.
    var changed = true
    while changed {
      changed = false
      for (name, template) in compiled
      where template.references.contains(where: { sources[$0] != nil && compiled[$0] == nil }) {
        compiled[name] = nil
        changed = true
      }
    }
    self.templates = compiled
  }

  /// Whether `name` renders here rather than through the library.
  func contains(_ name: String) -> Bool {
    templates[name] != nil
  }

  /// `object` rendered with the template `name`, nil when the set does not have it.
  func render(_ object: Any, withTemplate name: String) -> String? {
    bytes(object, withTemplate: name).map { String(decoding: $0, as: UTF8.self) }
  }

  /// - Parameter memory: where the bytes are kept; their own buffer when nil.
  func renderData(_ object: Any, withTemplate name: String, in memory: PageMemory? = nil) -> Data? {
    guard let bytes = bytes(object, withTemplate: name) else { return nil }
    guard let memory else { return Data(bytes) }
    return bytes.withUnsafeBytes(memory.data(copying:))
  }

  private func bytes(_ object: Any, withTemplate name: String) -> [UInt8]? {
    guard let template = templates[name] else { return nil }
    var rendering = TemplateRendering(templates: templates)
    rendering.render(template, object: object)
    return rendering.output
  }
}
