import Diagnostics
import Load
import Schema
import Yams

/// The decoding stage: checks a source's front matter against its type's schema and produces a
/// typed `Entry`, or the diagnostics that explain why it cannot.
public enum EntryDecoder {
  public static func decode(_ source: Source) -> (Entry?, [Diagnostic]) {
    guard let type = ContentTypes.forSection(source.section) else {
      return (nil, [.error(at: .file(source.path), "unknown section '\(source.section)'")])
    }
    var context = Context(source: source)
    let root: Node
    do {
      guard let node = try FrontMatterYAML.compose(source.frontMatter) else {
        context.error(
          at: nil, "the front matter is empty",
          hint: "add at least " + type.fields.filter(\.required).map(\.name).joined(separator: ", "))
        return (nil, context.diagnostics)
      }
      root = node
    } catch let error as YamlError {
      let diagnostic = YAMLDiagnostics.diagnostic(
        for: error, path: source.path, lineOffset: source.frontMatterLine - 1, lines: source.lines)
      return (nil, [diagnostic])
    } catch {
      return (nil, [.error(at: .file(source.path), "invalid YAML: \(error)")])
    }
    guard let mapping = root.mapping else {
      context.error(at: root, "the front matter must be a list of 'field: value' lines")
      return (nil, context.diagnostics)
    }
    let fields = FieldDecoder.decodeMapping(mapping, fields: type.fields, owner: nil, context: &context)
    for field in type.fields where field.required && fields[field.name] == nil && mapping[field.name] == nil {
      context.error(
        at: nil, line: source.frontMatterLine - 1, field: field.name,
        "missing required field '\(field.name)'",
        hint: "add '\(field.name): …' (\(field.kind.expectation))")
    }
    Rules.check(type: type, fields: fields, mapping: mapping, context: &context)
    context.diagnostics = context.diagnostics.sorted()
    guard !context.diagnostics.hasErrors, let title = fields["title"]?.string,
      case .date(let date) = fields["date"]
    else { return (nil, context.diagnostics) }
    let draft: Bool
    if case .bool(let value) = fields["draft"] { draft = value } else { draft = false }
    var entry = Entry(
      type: type, id: source.id, language: source.language, path: source.path, title: title, date: date,
      draft: draft, fields: fields, body: source.body, bodyLine: source.bodyLine)
    entry.fieldPositions = positions(of: mapping, frontMatterLine: source.frontMatterLine)
    return (entry, context.diagnostics)
  }

  static func positions(of mapping: Node.Mapping, frontMatterLine: Int) -> [String: FilePosition] {
    var positions: [String: FilePosition] = [:]
    for (key, value) in mapping {
      guard let name = key.string, let mark = value.mark else { continue }
      positions[name] = FilePosition(line: mark.line + frontMatterLine - 1, column: mark.column)
    }
    return positions
  }

  /// Collects diagnostics for one source and turns YAML marks into file positions.
  struct Context {
    let source: Source
    var diagnostics: [Diagnostic] = []

    func location(_ node: Node?, line: Int? = nil) -> SourceLocation {
      if let mark = node?.mark {
        return source.location(line: mark.line + source.frontMatterLine - 1, column: mark.column)
      }
      return source.location(line: line ?? 1, column: 0)
    }

    mutating func error(at node: Node?, line: Int? = nil, field: String? = nil, _ message: String, hint: String? = nil)
    {
      diagnostics.append(.error(at: location(node, line: line), field: field, message, hint: hint))
    }

    mutating func warning(at node: Node?, field: String? = nil, _ message: String, hint: String? = nil) {
      diagnostics.append(.warning(at: location(node), field: field, message, hint: hint))
    }
  }
}
