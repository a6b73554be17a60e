/// Parses a template into `CompiledTemplate` exactly as swift-mustache 2.1's parser tokenises it
/// (`Template+Parser.swift`: the same character classes, standalone-line rules and indentation of
/// parent blocks), so that both render the same bytes. It returns nil for what the compiled
/// renderer leaves to the library: transforms (`{{upper(name)}}`), dynamic partials
/// (`{{>*name}}`), indented partials and blocks, set delimiters (`{{=<% %>=}}`), content types other than HTML and text, and
/// anything the library itself would reject (the library reports those errors when the theme loads).
struct TemplateParser {
  private let characters: [Character]
  private var position = 0

  static func parse(_ text: String) -> CompiledTemplate? {
    var parser = TemplateParser(characters: Array(text))
    return try? parser.parse(state: State())
  }

  private init(characters: [Character]) {
    self.characters = characters
  }

  struct Unsupported: Error {}

  struct State {
    var sectionName: String?
    var newLine = true
    var isPartialDefinition = false
    var isPartialDefinitionTopLevel = false
    var startDelimiter: [Character] = ["{", "{"]
    var endDelimiter: [Character] = ["}", "}"]
    var partialDefinitionIndent: [Character]?

    func withSectionName(_ name: String, newLine: Bool) -> State {
      var state = self
      state.sectionName = name
      state.isPartialDefinitionTopLevel = false
      if !newLine { state.newLine = false }
      return state
    }

    func withInheritancePartial(_ name: String) -> State {
      var state = self
      state.sectionName = name
      state.newLine = true
      state.isPartialDefinition = true
      state.isPartialDefinitionTopLevel = true
      return state
    }
  }

  private mutating func parse(state initial: State) throws -> CompiledTemplate {
    var nodes: [CompiledTemplate.Node] = []
    var state = initial
    var whiteSpaceBefore: [Character] = []
    func text(_ characters: [Character]) -> CompiledTemplate.Node { .text(Array(String(characters).utf8)) }
    while !reachedEnd {
      if state.newLine {
        let whiteSpace = read { $0 == " " || $0 == "\t" }
        if state.isPartialDefinition, !state.isPartialDefinitionTopLevel {
          if let indent = state.partialDefinitionIndent {
            whiteSpaceBefore = Array(whiteSpace.dropFirst(indent.count))
          } else {
            state.partialDefinitionIndent = whiteSpace
          }
        } else {
          whiteSpaceBefore = whiteSpace
        }
      }
      let found = try readUntilDelimiterOrNewline(state)
      if current.isNewline {
        nodes.append(text(whiteSpaceBefore + found + [current]))
        state.newLine = true
        position += 1
        continue
      }
      if !found.isEmpty {
        nodes.append(text(whiteSpaceBefore + found))
        whiteSpaceBefore = []
        state.newLine = false
      }
      if reachedEnd { break }
      var setNewLine = false
      func flushWhiteSpace() {
        if !whiteSpaceBefore.isEmpty {
          nodes.append(text(whiteSpaceBefore))
          whiteSpaceBefore = []
        }
      }
      switch current {
      case "#", "^":
        let inverted = current == "^"
        position += 1
        let name = try parseName(state)
        if isStandalone(state) {
          setNewLine = true
        } else {
          flushWhiteSpace()
        }
        let inner = try parse(state: state.withSectionName(name, newLine: setNewLine))
        nodes.append(
          inverted
            ? .invertedSection(CompiledTemplate.Name(name), inner) : .section(CompiledTemplate.Name(name), inner))
      case "/":
        position += 1
        let name = try parseName(state)
        guard name == state.sectionName else { throw Unsupported() }
        if !isStandalone(state) { flushWhiteSpace() }
        return CompiledTemplate(nodes: nodes)
      case "!":
        position += 1
        try skipComment(state)
        setNewLine = isStandalone(state)
      case "{", "&":
        flushWhiteSpace()
        let triple = current == "{"
        position += 1
        let name = try parseName(state)
        if triple {
          guard !reachedEnd, current == "}" else { throw Unsupported() }
          position += 1
        }
        nodes.append(.variable(CompiledTemplate.Name(name), escaped: false))
      case ">":
        position += 1
        _ = read(while: \.isWhitespace)
        guard current != "*" else { throw Unsupported() }
        let name = try parsePartialName(state)
        // An indented standalone partial is re-indented line by line by the library: left to it.
        guard whiteSpaceBefore.isEmpty else { throw Unsupported() }
        if isStandalone(state) { setNewLine = true }
        nodes.append(.partial(name, overrides: nil))
      case "<":
        position += 1
        _ = read(while: \.isWhitespace)
        let name = try parsePartialName(state)
        guard name.first != "*", whiteSpaceBefore.isEmpty else { throw Unsupported() }
        if isStandalone(state) { setNewLine = true }
        let inner = try parse(state: state.withInheritancePartial(name))
        var overrides: [String: CompiledTemplate] = [:]
        for node in inner.nodes {
          switch node {
          case .block(let block, let template): overrides[block] = template
          case .text: break
          default: throw Unsupported()
          }
        }
        nodes.append(.partial(name, overrides: overrides))
      case "$":
        position += 1
        let name = try parseName(state)
        if state.isPartialDefinitionTopLevel {
          if isStandalone(state) { setNewLine = true }
          nodes.append(.block(name, default: try parse(state: state.withSectionName(name, newLine: setNewLine))))
        } else {
          guard whiteSpaceBefore.isEmpty else { throw Unsupported() }
          if isStandalone(state) { setNewLine = true }
          nodes.append(.block(name, default: try parse(state: state.withSectionName(name, newLine: setNewLine))))
        }
      case "=":
        // Other delimiters are rare enough to leave to the library.
        throw Unsupported()
      case "%":
        position += 1
        nodes.append(.escaping(try contentType(state)))
        setNewLine = isStandalone(state)
      default:
        flushWhiteSpace()
        nodes.append(.variable(CompiledTemplate.Name(try parseName(state)), escaped: true))
      }
      state.newLine = setNewLine
    }
    guard state.sectionName == nil else { throw Unsupported() }
    return CompiledTemplate(nodes: nodes)
  }

  // MARK: - Reading, as swift-mustache's Parser reads

  private var reachedEnd: Bool { position >= characters.count }
  private var current: Character { reachedEnd ? "\0" : characters[position] }

  private mutating func read(while predicate: (Character) -> Bool) -> [Character] {
    let start = position
    while !reachedEnd, predicate(characters[position]) { position += 1 }
    return Array(characters[start..<position])
  }

  /// Reads `string` if it comes next.
  private mutating func read(_ string: [Character]) -> Bool {
    guard position + string.count <= characters.count,
      Array(characters[position..<position + string.count]) == string
    else { return false }
    position += string.count
    return true
  }

  private mutating func readUntilDelimiterOrNewline(_ state: State) throws -> [Character] {
    guard let first = state.startDelimiter.first else { return [] }
    var text: [Character] = []
    while !reachedEnd {
      text += read { $0 != "\n" && $0 != "\r\n" && $0 != first }
      if current.isNewline {
        break
      } else if current == first {
        if read(state.startDelimiter) { break }
        text.append(first)
        position += 1
      }
    }
    return text
  }

  private static let nameCharacters = Set<Character>(
    "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?()*")
  private static let partialNameCharacters = Set<Character>(
    "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?()*/")
  private static let contentTypeCharacters = Set<Character>(
    "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?*")

  /// A tag's name; a transform (a name with brackets) is the library's to render.
  private mutating func parseName(_ state: State) throws -> String {
    _ = read(while: \.isWhitespace)
    let name = read { Self.nameCharacters.contains($0) }
    _ = read(while: \.isWhitespace)
    guard read(state.endDelimiter), !name.contains("("), !name.contains(")") else { throw Unsupported() }
    return String(name)
  }

  private mutating func parsePartialName(_ state: State) throws -> String {
    _ = read(while: \.isWhitespace)
    let name = read { Self.partialNameCharacters.contains($0) }
    _ = read(while: \.isWhitespace)
    guard read(state.endDelimiter) else { throw Unsupported() }
    return String(name)
  }

  private mutating func skipComment(_ state: State) throws {
    while !reachedEnd {
      if read(state.endDelimiter) { return }
      position += 1
    }
    throw Unsupported()
  }

  /// `{{% CONTENT_TYPE: NAME }}`: how NAME escapes.
  private mutating func contentType(_ state: State) throws -> CompiledTemplate.Escaping {
    _ = read(while: \.isWhitespace)
    let variable = String(read { Self.contentTypeCharacters.contains($0) })
    _ = read(while: \.isWhitespace)
    guard current == ":" else { throw Unsupported() }
    position += 1
    _ = read(while: \.isWhitespace)
    let value = String(read { Self.contentTypeCharacters.contains($0) })
    _ = read(while: \.isWhitespace)
    guard variable == "CONTENT_TYPE", read(state.endDelimiter) else { throw Unsupported() }
    switch value {
    case "HTML": return .library
    case HTMLEscaping.name: return .bytes
    case "TEXT": return .none
    default: throw Unsupported()
    }
  }

  private mutating func isStandalone(_ state: State) -> Bool {
    state.newLine && hasLineFinished()
  }

  /// Whether only spaces and tabs are left on the line; if so, moves past its line break.
  private mutating func hasLineFinished() -> Bool {
    if reachedEnd { return true }
    var ahead = position
    while ahead < characters.count, characters[ahead] == " " || characters[ahead] == "\t" { ahead += 1 }
    let next: Character = ahead < characters.count ? characters[ahead] : "\0"
    if next.isNewline {
      position = ahead + 1
      return true
    }
    return false
  }
}
