import CYaml
import Yams

/// Composes front matter from libyaml's events into the nodes `Yams.compose(yaml:)` makes with the
/// basic resolver, without Yams' composer: Yams wraps every event in an object, gives every node a
/// tag object of its own, decodes each scalar through Foundation and finds duplicate keys by
/// hashing whole nodes, and at 10k entries that cost more than libyaml's parsing itself.
///
/// It reads the libyaml Yams is built with: Yams' `CYaml` module, not one of Yams' products but
/// importable by every target that depends on Yams. It takes only what front matter
/// is made of: one document of mappings, sequences and scalars whose keys are scalars, no anchors,
/// aliases or explicit tags, no key twice. Anything else, and any error, is `nil`: the caller
/// composes the document with Yams then, so results and error messages are Yams' own.
/// `FastDecodingTests` compares the nodes, marks and styles with Yams' for every entry in `content/`
/// and for documents that take each way.
enum FrontMatterEvents {
  /// The document's root (`.some(nil)` for an empty stream), or nil to compose it with Yams.
  static func compose(_ yaml: String) -> Node?? {
    var yaml = yaml
    return yaml.withUTF8 { bytes in
      let parser = UnsafeMutablePointer<yaml_parser_t>.allocate(capacity: 1)
      defer { parser.deallocate() }
      guard yaml_parser_initialize(parser) == 1 else { return nil }
      defer { yaml_parser_delete(parser) }
      yaml_parser_set_encoding(parser, YAML_UTF8_ENCODING)
      yaml_parser_set_input_string(parser, bytes.baseAddress, bytes.count)
      let composer = Composer(parser: parser)
      return composer.document()
    }
  }

  /// One event's contents, copied out so that the event can be deleted at once.
  private enum Event {
    case streamStart, streamEnd, documentStart, documentEnd
    case scalar(String, Node.Scalar.Style, Mark)
    case sequenceStart(Mark)
    case sequenceEnd
    case mappingStart(Mark)
    case mappingEnd
    /// An alias, an anchor or an explicit tag: left to Yams.
    case unsupported
  }

  private struct Composer {
    let parser: UnsafeMutablePointer<yaml_parser_t>
    // One tag of each kind for the whole document: their names are given, so Yams never resolves
    // (and so never changes) them, and the nodes equal the ones Yams resolves to the same names.
    let stringTag = Tag(.str, .basic, .default)
    let sequenceTag = Tag(.seq, .basic, .default)
    let mappingTag = Tag(.map, .basic, .default)

    func document() -> Node?? {
      guard case .streamStart = next() else { return nil }
      switch next() {
      case .streamEnd:
        return .some(nil)
      case .documentStart:
        guard let root = node(from: next()), case .documentEnd = next(), case .streamEnd = next() else { return nil }
        return .some(root)
      default:
        return nil
      }
    }

    private func node(from event: Event?) -> Node? {
      switch event {
      case .scalar(let text, let style, let mark):
        return .scalar(Node.Scalar(text, stringTag, style, mark))
      case .sequenceStart(let mark):
        var items: [Node] = []
        while true {
          let item = next()
          if case .sequenceEnd = item { break }
          guard let node = node(from: item) else { return nil }
          items.append(node)
        }
        // Yams takes a collection's style from its end event, which has none.
        return .sequence(Node.Sequence(items, sequenceTag, .any, mark))
      case .mappingStart(let mark):
        var pairs: [(Node, Node)] = []
        var keys = Set<String>()
        while true {
          let key = next()
          if case .mappingEnd = key { break }
          guard case .scalar(let name, _, _) = key, keys.insert(name).inserted,
            let keyNode = node(from: key), let value = node(from: next())
          else { return nil }
          pairs.append((keyNode, value))
        }
        return .mapping(Node.Mapping(pairs, mappingTag, .any, mark))
      default:
        return nil
      }
    }

    private func next() -> Event? {
      var event = yaml_event_t()
      guard yaml_parser_parse(parser, &event) == 1 else { return nil }
      defer { yaml_event_delete(&event) }
      let mark = FrontMatterEvents.mark(line: Int(event.start_mark.line) + 1, column: Int(event.start_mark.column) + 1)
      switch event.type {
      case YAML_STREAM_START_EVENT: return .streamStart
      case YAML_STREAM_END_EVENT: return .streamEnd
      case YAML_DOCUMENT_START_EVENT: return .documentStart
      case YAML_DOCUMENT_END_EVENT: return .documentEnd
      case YAML_SCALAR_EVENT:
        let scalar = event.data.scalar
        // A quoted scalar is implicitly a string (Yams gives it the `str` tag, as here).
        guard scalar.anchor == nil, scalar.tag == nil || scalar.quoted_implicit == 1,
          let style = Node.Scalar.Style(rawValue: scalar.style.rawValue)
        else { return .unsupported }
        // libyaml has checked the input is UTF-8; a scalar may hold NUL characters.
        let text = String(decoding: UnsafeBufferPointer(start: scalar.value, count: scalar.length), as: UTF8.self)
        return .scalar(text, style, mark)
      case YAML_SEQUENCE_START_EVENT:
        let start = event.data.sequence_start
        return start.anchor == nil && start.implicit != 0 ? .sequenceStart(mark) : .unsupported
      case YAML_SEQUENCE_END_EVENT: return .sequenceEnd
      case YAML_MAPPING_START_EVENT:
        let start = event.data.mapping_start
        return start.anchor == nil && start.implicit != 0 ? .mappingStart(mark) : .unsupported
      case YAML_MAPPING_END_EVENT: return .mappingEnd
      default: return .unsupported
      }
    }
  }

  /// Yams' `Mark`, whose initialiser is internal to Yams: two `Int`s, line then column, as Yams
  /// declares them. `unsafeBitCast` traps if the sizes ever differ; `FastDecodingTests` checks the
  /// order against the marks Yams makes.
  static func mark(line: Int, column: Int) -> Mark {
    unsafeBitCast(MarkLayout(line: line, column: column), to: Mark.self)
  }

  private struct MarkLayout {
    let line: Int
    let column: Int
  }
}
