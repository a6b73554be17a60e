import Mustache

/// Renders compiled templates with swift-mustache's semantics (`Template+Render.swift`): names
/// looked up down the context stack, sections over sequences, booleans and objects, partials with
/// the blocks of their parents, HTML escaping by content type. Output goes into one byte buffer,
/// and the common context values (`Fields`, dictionaries, cards, strings, booleans, arrays of them)
/// are recognised by their concrete type instead of the library's protocol casts per tag; a name
/// in `Fields` is found by the fingerprint the template computed when it was compiled.
struct TemplateRendering {
  let templates: [String: CompiledTemplate]
  private(set) var output: [UInt8] = []
  /// The context stack, each object classified once when it is pushed.
  private var stack: [Frame] = []

  /// One object on the stack, classified once when it is pushed. A class: lookups walk down the
  /// stack for every tag, and copying an enum frame (its `Any`) on each step cost more than the
  /// dictionary lookup it was for.
  final class Frame {
    enum Storage {
      case record(Fields)
      case fields([String: Any])
      case stringFields([String: String])
      case card(CardView)
      /// Strings, booleans, numbers and lists: reflection finds no named child in them.
      case leaf
      case other
    }

    let storage: Storage
    let object: Any

    /// A frame whose storage the caller already knows, so the object is not classified again.
    init(_ object: Any, storage: Storage) {
      self.object = object
      self.storage = storage
    }

    init(_ object: Any) {
      self.object = object
      switch ValueKind(of: object) {
      case .record: storage = exactly(Fields.self, object).map(Storage.record) ?? .other
      case .fields: storage = exactly([String: Any].self, object).map(Storage.fields) ?? .other
      case .stringFields: storage = exactly([String: String].self, object).map(Storage.stringFields) ?? .other
      case .card: storage = exactly(CardView.self, object).map(Storage.card) ?? .other
      case .string, .bool, .int, .recordList, .fieldsList, .cardList, .stringList: storage = .leaf
      case .other: storage = .other
      }
    }

    func child(named key: Fields.Name) -> Any? {
      switch storage {
      case .record(let fields): fields.value(for: key)
      case .fields(let fields): fields[key.name]
      case .stringFields(let fields): fields[key.name]
      case .card(let card): card.child(named: key.name)
      case .leaf: nil
      case .other: TemplateRendering.child(named: key.name, of: object)
      }
    }
  }

  typealias Escaping = CompiledTemplate.Escaping

  init(templates: [String: CompiledTemplate]) {
    self.templates = templates
    output.reserveCapacity(32 * 1024)
  }

  mutating func render(_ template: CompiledTemplate, object: Any) {
    stack = [Frame(object)]
    render(template, inherited: nil, escaping: .library)
  }

  private mutating func render(
    _ template: CompiledTemplate, inherited: [String: CompiledTemplate]?, escaping initial: Escaping
  ) {
    var escaping = initial
    for node in template.nodes {
      switch node {
      case .text(let bytes):
        output.append(contentsOf: bytes)
      case .variable(let name, let escaped):
        guard let (value, kind) = lookup(name) else { continue }
        appendValue(value, kind: kind, escaping: escaped ? escaping : .none)
      case .section(let name, let inner):
        if let (value, kind) = lookup(name) { section(value, kind, inner, inherited: inherited, escaping: escaping) }
      case .invertedSection(let name, let inner):
        if let (value, kind) = lookup(name) {
          invertedSection(value, kind, inner, inherited: inherited, escaping: escaping)
        } else {
          render(inner, inherited: inherited, escaping: escaping)
        }
      case .partial(let name, let overrides):
        guard let partial = templates[name] else { continue }
        var merged = inherited
        if let overrides {
          merged = inherited.map { $0.merging(overrides) { outer, _ in outer } } ?? overrides
        }
        render(partial, inherited: merged, escaping: .library)
      case .block(let name, let fallback):
        render(inherited?[name] ?? fallback, inherited: inherited, escaping: escaping)
      case .escaping(let selected):
        escaping = selected
      }
    }
  }

  // MARK: - Sections

  private mutating func section(
    _ value: Any, _ kind: ValueKind, _ inner: CompiledTemplate, inherited: [String: CompiledTemplate]?,
    escaping: Escaping
  ) {
    switch kind {
    case .bool:
      if exactly(Bool.self, value) == true { render(inner, inherited: inherited, escaping: escaping) }
    case .record, .fields, .stringFields, .string, .card, .int:
      rendered(value, inner, inherited: inherited, escaping: escaping)
    case .recordList:
      for item in exactly([Fields].self, value) ?? [] {
        rendered(Frame(item, storage: .record(item)), inner, inherited: inherited, escaping: escaping)
      }
    case .fieldsList:
      for item in exactly([[String: Any]].self, value) ?? [] {
        rendered(Frame(item, storage: .fields(item)), inner, inherited: inherited, escaping: escaping)
      }
    case .cardList:
      for item in exactly([CardView].self, value) ?? [] {
        rendered(Frame(item, storage: .card(item)), inner, inherited: inherited, escaping: escaping)
      }
    case .stringList:
      for item in exactly([String].self, value) ?? [] {
        rendered(Frame(item, storage: .leaf), inner, inherited: inherited, escaping: escaping)
      }
    case .other:
      switch value {
      case let sequence as any MustacheSequence:
        for item in Self.elements(of: sequence) { rendered(item, inner, inherited: inherited, escaping: escaping) }
      case let renderable as MustacheCustomRenderable where renderable.isNull:
        return
      default:
        rendered(value, inner, inherited: inherited, escaping: escaping)
      }
    }
  }

  /// An inverted section whose name was found (one that was not renders its content).
  private mutating func invertedSection(
    _ value: Any, _ kind: ValueKind, _ inner: CompiledTemplate, inherited: [String: CompiledTemplate]?,
    escaping: Escaping
  ) {
    switch kind {
    case .bool:
      if exactly(Bool.self, value) == false { render(inner, inherited: inherited, escaping: escaping) }
    case .record, .fields, .stringFields, .string, .card, .int:
      return
    case .recordList, .fieldsList, .cardList, .stringList, .other:
      switch value {
      case let sequence as any MustacheSequence:
        // The library renders an empty list's inverted section with the list on the stack.
        if Self.isEmpty(sequence) { rendered(sequence, inner, inherited: inherited, escaping: escaping) }
      case let renderable as MustacheCustomRenderable where renderable.isNull:
        render(inner, inherited: inherited, escaping: escaping)
      default:
        return
      }
    }
  }

  /// Renders `inner` with `object` on top of the stack.
  private mutating func rendered(
    _ object: Any, _ inner: CompiledTemplate, inherited: [String: CompiledTemplate]?, escaping: Escaping
  ) {
    rendered(Frame(object), inner, inherited: inherited, escaping: escaping)
  }

  private mutating func rendered(
    _ frame: Frame, _ inner: CompiledTemplate, inherited: [String: CompiledTemplate]?, escaping: Escaping
  ) {
    stack.append(frame)
    render(inner, inherited: inherited, escaping: escaping)
    stack.removeLast()
  }

  private static func elements(of sequence: some MustacheSequence) -> [Any] {
    sequence.map { $0 as Any }
  }

  private static func isEmpty(_ sequence: some MustacheSequence) -> Bool {
    var iterator = sequence.makeIterator()
    return iterator.next() == nil
  }

  // MARK: - Values

  /// The value a name resolves to, with its kind.
  private func lookup(_ name: CompiledTemplate.Name) -> (Any, ValueKind)? {
    switch name {
    case .current:
      guard let top = stack.last else { return nil }
      return classified(top.object)
    case .top(let parts):
      guard let first = stack.last?.child(named: parts[0]) else { return nil }
      if parts.count == 1 { return classified(first) }
      return Self.resolve(parts.dropFirst(), from: first).flatMap(classified)
    case .stack(let parts):
      guard let first = child(named: parts[0]) else { return nil }
      if parts.count == 1 { return classified(first) }
      return Self.resolve(parts.dropFirst(), from: first).flatMap(classified)
    }
  }

  /// `name` in the topmost object on the stack that has it.
  private func child(named name: Fields.Name) -> Any? {
    var level = stack.count - 1
    while level >= 0 {
      if let child = stack[level].child(named: name) { return child }
      level -= 1
    }
    return nil
  }

  /// A found value with its kind; a custom representation stands for its object.
  private func classified(_ found: Any) -> (Any, ValueKind)? {
    let kind = ValueKind(of: found)
    guard kind == .other else { return (found, kind) }
    if let custom = found as? MustacheCustomRepresentation {
      return custom.representation.map { ($0, ValueKind(of: $0)) }
    }
    return (found, kind)
  }

  private static func resolve(_ names: ArraySlice<Fields.Name>, from object: Any) -> Any? {
    var object = object
    for name in names {
      guard let child = child(named: name, of: object) else { return nil }
      object = child
    }
    return object
  }

  /// One name in one object, as the library's `_getImmediateChild`: a custom representation's
  /// value, a `MustacheParent`'s child, else a stored property found by reflection.
  fileprivate static func child(named key: Fields.Name, of object: Any) -> Any? {
    switch ValueKind(of: object) {
    case .record: return exactly(Fields.self, object)?.value(for: key)
    default: return child(named: key.name, of: object)
    }
  }

  fileprivate static func child(named name: String, of object: Any) -> Any? {
    switch ValueKind(of: object) {
    case .record: return exactly(Fields.self, object)?[name]
    case .fields: return exactly([String: Any].self, object)?[name]
    case .stringFields: return exactly([String: String].self, object)?[name]
    case .card: return exactly(CardView.self, object)?.child(named: name)
    // Reflection finds no named child in these.
    case .string, .bool, .int, .recordList, .fieldsList, .cardList, .stringList: return nil
    case .other: break
    }
    let represented: Any? = (object as? MustacheCustomRepresentation).map(\.representation) ?? object
    if let parent = represented as? MustacheParent { return parent.child(named: name) }
    guard let represented else { return nil }
    guard let value = Mirror(reflecting: represented).children.first(where: { $0.label == name })?.value else {
      return nil
    }
    let mirror = Mirror(reflecting: value)
    guard mirror.displayStyle == .optional else { return value }
    return mirror.children.first?.value
  }

  private mutating func appendValue(_ value: Any, kind: ValueKind, escaping: Escaping) {
    let text: String
    switch kind {
    case .string:
      text = exactly(String.self, value) ?? ""
    case .bool:
      text = exactly(Bool.self, value) == true ? "true" : "false"
    default:
      if let renderable = value as? MustacheCustomRenderable {
        text = renderable.renderText
      } else {
        text = String(describing: Self.unwrapped(value))
      }
    }
    switch escaping {
    case .none: output.append(contentsOf: text.utf8)
    case .bytes, .library: appendEscaped(text, characterWise: escaping == .library)
    }
  }

  /// An optional inside `Any` is printed as its value, as the library does.
  private static func unwrapped(_ value: Any) -> Any {
    let mirror = Mirror(reflecting: value)
    guard mirror.displayStyle == .optional, let wrapped = mirror.children.first?.value else { return value }
    return wrapped
  }

  private mutating func appendEscaped(_ text: String, characterWise: Bool) {
    var text = text
    // Most values (Japanese prose, URLs, labels) hold none of the five characters: their bytes go
    // out as they are, without walking the text Character by Character.
    let plain = text.withUTF8 { bytes in
      !bytes.contains { byte in
        byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "&")
          || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'")
      }
    }
    if plain {
      text.withUTF8 { output.append(contentsOf: $0) }
      return
    }
    if characterWise {
      // The library's own escaping compares whole Characters: an `&` with a combining mark is kept.
      for character in text {
        switch character {
        case "<": output.append(contentsOf: "&lt;".utf8)
        case ">": output.append(contentsOf: "&gt;".utf8)
        case "&": output.append(contentsOf: "&amp;".utf8)
        case "\"": output.append(contentsOf: "&quot;".utf8)
        case "'": output.append(contentsOf: "&#39;".utf8)
        default: output.append(contentsOf: character.utf8)
        }
      }
      return
    }
    text.withUTF8 { bytes in
      var start = 0
      for (index, byte) in bytes.enumerated() {
        let replacement: StaticString
        switch byte {
        case UInt8(ascii: "<"): replacement = "&lt;"
        case UInt8(ascii: ">"): replacement = "&gt;"
        case UInt8(ascii: "&"): replacement = "&amp;"
        case UInt8(ascii: "\""): replacement = "&quot;"
        case UInt8(ascii: "'"): replacement = "&#39;"
        default: continue
        }
        output.append(contentsOf: bytes[start..<index])
        replacement.withUTF8Buffer { output.append(contentsOf: $0) }
        start = index + 1
      }
      output.append(contentsOf: bytes[start...])
    }
  }
}

/// `value as? T` for a value the caller has found to be a `T` by its `ValueKind`: the existential
/// is opened and its type compared, which costs a fraction of a dynamic cast (the runtime's cast
/// looks for conversions and bridging first). A value boxed twice (an `Any` inside an `Any`, as
/// generic code over `[Any]` makes) opens to `Any` and takes the cast.
@inline(__always)
func exactly<T>(_ type: T.Type, _ value: Any) -> T? {
  func opened<Value>(_ value: Value) -> T? {
    Value.self == T.self ? unsafeBitCast(value, to: T.self) : value as? T
  }
  return opened(value)
}

/// The types view models are built of, told apart by their type alone: a failed dynamic cast
/// (`as?` to a type the value is not) costs far more than comparing metadata, and the library's
/// way of rendering casts every value several times over.
enum ValueKind: Equatable {
  case record, fields, stringFields, card, string, bool, int, recordList, fieldsList, cardList, stringList, other

  /// Most values are strings, then view-model objects and flags, so those are compared first.
  init(of value: Any) {
    let type = Swift.type(of: value)
    if type == String.self {
      self = .string
    } else if type == Fields.self {
      self = .record
    } else if type == Bool.self {
      self = .bool
    } else if type == [Fields].self {
      self = .recordList
    } else if type == CardView.self {
      self = .card
    } else if type == [CardView].self {
      self = .cardList
    } else if type == [String: Any].self {
      self = .fields
    } else if type == [String: String].self {
      // Dictionary literals of strings alone (`["url": …, "label": …]`) are typed so.
      self = .stringFields
    } else if type == [[String: Any]].self {
      self = .fieldsList
    } else if type == [String].self {
      self = .stringList
    } else if type == Int.self {
      self = .int
    } else {
      self = .other
    }
  }
}
