import Foundation
import Mustache
import Testing

@testable import Render

/// Random templates, built from every tag the compiled renderer handles and the whitespace that
/// decides whether a tag stands alone on its line, rendered by swift-mustache and by the compiled
/// templates: wherever the compiled set takes a template, the bytes must be the library's.
@Suite struct CompiledTemplateFuzzTests {
  struct Generator {
    var state: UInt64

    mutating func next(_ bound: Int) -> Int {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int(state >> 33) % bound
    }

    mutating func pick(_ choices: [String]) -> String { choices[next(choices.count)] }

    static let names = [
      "s", "t", "f", "n", "list", "empty", "obj", "missing", "strs", "obj.s", "obj.inner.s", ".", ".s",
    ]
    static let texts = ["a", " ", "  ", "\t", "\n", "\r\n", "x y", "<&>", "\"'", "日本", " \n", "\n\n"]

    /// A template of about `size` pieces; sections nest up to `depth`.
    mutating func template(size: Int, depth: Int, partials: Bool, blocks: Bool) -> String {
      var out = ""
      for _ in 0..<size {
        switch next(14) {
        case 0...4: out += pick(Self.texts)
        case 5: out += "{{\(pick(Self.names))}}"
        case 6: out += next(2) == 0 ? "{{{\(pick(Self.names))}}}" : "{{&\(pick(Self.names))}}"
        case 7: out += "{{! note \(next(9)) }}"
        case 8,
          9 where depth > 0:
          let name = pick(Self.names.filter { $0 != "." && $0 != ".s" })
          let open = pick(["#", "^"])
          let inner = template(size: next(5) + 1, depth: depth - 1, partials: partials, blocks: blocks)
          out +=
            pick(["", "\n", "  "]) + "{{\(open)\(name)}}" + pick(["", "\n", " \n"]) + inner
            + pick(["", "\n"]) + "{{/\(name)}}" + pick(["", "\n", "\t"])
        case 10 where partials: out += pick(["", "\n"]) + "{{> \(pick(["p1", "p2", "nothing"]))}}" + pick(["", "\n"])
        case 11 where partials:
          let inner = template(size: next(3) + 1, depth: 0, partials: false, blocks: false)
          out +=
            "{{<parent}}" + pick(["", "\n"]) + "{{$b1}}" + inner + "{{/b1}}" + pick(["", "\n", "ignored\n"])
            + "{{/parent}}" + pick(["", "\n"])
        case 12 where blocks:
          let block = pick(["b1", "b2"])
          out += pick(["", "\n"]) + "{{$\(block)}}" + pick(["default", "", "\nd\n"]) + "{{/\(block)}}"
        default: out += pick(Self.texts)
        }
      }
      return out
    }
  }

  static var context: [String: Any] {
    [
      "s": "<v&'\">", "t": true, "f": false, "n": 7, "strs": ["x", "<y>"],
      "list": [["s": "l1"], ["s": "l2", "t": false]] as [[String: Any]], "empty": [[String: Any]](),
      "obj": ["s": "o", "inner": ["s": "deep"]] as [String: Any],
    ]
  }

  /// The same values as view models hold them (`Fields`, `[Fields]`).
  static var fieldsContext: Fields {
    [
      "s": "<v&'\">", "t": true, "f": false, "n": 7, "strs": ["x", "<y>"],
      "list": [["s": "l1"], ["s": "l2", "t": false]] as [Fields], "empty": [Fields](),
      "obj": ["s": "o", "inner": ["s": "deep"] as Fields] as Fields,
    ]
  }

  @Test(arguments: 0..<8)
  func randomTemplatesRenderAsSwiftMustache(batch: Int) throws {
    MustacheContentTypes.register(HTMLEscaping(), named: HTMLEscaping.name)
    var generator = Generator(state: UInt64(batch) &* 0x9E37_79B9_7F4A_7C15 &+ 1)
    var compared = 0
    var comparedKinds = 0
    var rejected = 0
    for _ in 0..<250 {
      var sources = [
        "p1": generator.template(size: 4, depth: 1, partials: false, blocks: false),
        "p2": generator.template(size: 3, depth: 1, partials: false, blocks: false) + "{{> p1}}",
        "parent": generator.template(size: 3, depth: 1, partials: false, blocks: true),
        "main": generator.template(size: 12, depth: 2, partials: true, blocks: true),
      ]
      if generator.next(2) == 0 { sources = sources.mapValues { Theme.contentTypeLine + $0 } }
      var library = MustacheLibrary()
      do {
        for (name, text) in sources { library.register(try MustacheTemplate(string: text), named: name) }
      } catch {
        rejected += 1
        continue  // not a template the library takes, so no theme can have it
      }
      let set = TemplateSet(sources: sources)
      guard set.contains("main") else { continue }
      // One instance for both: a dictionary's printed order (`{{.}}` of an object) is its own.
      let context = Self.context
      let expected = library.render(context, withTemplate: "main")
      let rendered = set.render(context, withTemplate: "main")
      #expect(rendered == expected, "\(sources)")
      let fields = Self.fieldsContext
      let fieldsExpected = library.render(fields, withTemplate: "main")
      #expect(set.render(fields, withTemplate: "main") == fieldsExpected, "Fields: \(sources)")
      // Apart from printing a whole object or list of objects, the two kinds render alike.
      let printed = [".", "obj", "list"].flatMap { ["{{\($0)}}", "{{{\($0)}}}", "{{&\($0)}}"] }
      if !sources.values.contains(where: { source in printed.contains { source.contains($0) } }) {
        #expect(fieldsExpected == expected, "Fields and dictionaries: \(sources)")
        comparedKinds += 1
      }
      if rendered != expected, let log = ProcessInfo.processInfo.environment["FUZZ_LOG"] {
        let entry =
          "SOURCES \(sources.debugDescription)\nEXPECTED \(expected.debugDescription)\nRENDERED \(rendered.debugDescription)\n\n"
        if let handle = FileHandle(forWritingAtPath: log) {
          handle.seekToEndOfFile()
          handle.write(Data(entry.utf8))
        }
      }
      compared += 1
    }
    #expect(compared >= 60, "only \(compared) of 250 random templates were compared (\(rejected) invalid)")
    #expect(comparedKinds >= 20, "only \(comparedKinds) templates compared Fields with dictionaries")
    #expect(rejected < 125, "the generator makes mostly valid templates (\(rejected) of 250 invalid)")
  }
}
