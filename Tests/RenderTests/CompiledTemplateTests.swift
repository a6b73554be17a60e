import Foundation
import Mustache
import Testing

@testable import Render

/// The compiled templates must render what swift-mustache renders, byte for byte: each case here
/// is rendered by both, with and without the content-type line the theme puts first.
@Suite struct CompiledTemplateTests {
  static var card: CardView { CardView(html: "<li>カード & card</li>") { ["title": "題名 <b>", "url": "/x/"] } }

  /// Values of every kind the renderer's views use, and a few they do not.
  static var context: [String: Any] {
    [
      "title": "レーザー <医療> & \"光\" 'q'",
      "empty": "",
      "yes": true,
      "no": false,
      "number": 42,
      "decimal": 2.5,
      "html": "<p>本文</p>",
      "combining": "&\u{301} and &",
      "items": [["name": "a", "url": "/a/"], ["name": "b <2>", "url": "/b/", "flag": true]] as [[String: Any]],
      "none": [[String: Any]](),
      "strings": ["一", "<二>", "三"],
      "mixed": ["text", 7, true, ["name": "inner"]] as [Any],
      "cards": [card, card],
      "card": card,
      "nested": ["inner": ["deep": "深い"], "name": "nested name"] as [String: Any],
      "assets": ["style_css": "/assets/style.1.css"],
      "set": Set(["only"]),
      "null": NSNull(),
      "optional": String?.some("wrapped") as Any,
      "reflected": Reflected(name: "reflected <name>", count: 3),
    ]
  }

  struct Reflected {
    var name: String
    var count: Int
  }

  static let partials: [String: String] = [
    "item": "<li>{{name}}</li>\n",
    "base":
      "<html>\n{{$head}}<title>default</title>{{/head}}\n<body>\n{{$main}}default main{{/main}}\n</body>\n</html>\n",
    "layout": "{{<base}}\n{{$head}}<title>{{title}}</title>{{/head}}\n{{/base}}\n",
    "wrapper": "[{{> item}}]",
    "cardlist": "{{#cards}}\n{{{card_html}}}\n{{/cards}}\n",
  ]

  static let templates: [String] = [
    "plain text only",
    "{{title}}|{{{title}}}|{{&title}}|{{missing}}|{{empty}}",
    "{{yes}} {{no}} {{number}} {{decimal}} {{optional}} {{null}}",
    "{{combining}}",
    "{{#yes}}shown{{/yes}}{{#no}}hidden{{/no}}{{^no}}inverted{{/no}}{{^yes}}never{{/yes}}",
    "{{#items}}<a href=\"{{url}}\">{{name}}</a>{{#flag}}!{{/flag}}{{title}}{{/items}}",
    "{{#none}}never{{/none}}{{^none}}empty list{{/none}}{{^missing}}missing{{/missing}}",
    "{{#strings}}<{{.}}>{{/strings}}",
    "{{#mixed}}[{{.}}{{name}}]{{/mixed}}",
    "{{#cards}}{{{card_html}}}{{title}}{{/cards}}{{card.title}}{{{card.card_html}}}",
    "{{nested.inner.deep}} {{nested.name}} {{nested.missing.deep}} {{#nested}}{{name}} {{.name}} {{.title}} {{title}}{{/nested}}",
    "{{assets.style_css}} {{#assets}}{{style_css}}{{/assets}}",
    "{{^assets}}never{{/assets}}{{#assets}}{{title}} {{.style_css}} {{.title}}{{/assets}}{{assets.missing}}",
    "{{#set}}{{.}}{{/set}} {{#null}}no{{/null}}{{^null}}null is empty{{/null}}",
    "{{#title}}[{{.}}]{{/title}}{{#number}}({{.}}){{/number}}{{^title}}x{{/title}}",
    "{{reflected.name}} {{#reflected}}{{count}}{{/reflected}}",
    "{{#nested}}{{#inner}}{{deep}} {{name}} {{title}}{{/inner}}{{/nested}}",
    "  {{#items}}\n  <li>{{name}}</li>\n  {{/items}}\n  end\n",
    "line\n{{#yes}}\nin\n{{/yes}}\n{{^yes}}\nout\n{{/yes}}\ndone",
    "\t{{! a comment }}\nafter comment  {{! inline }} text\n",
    "a\r\n{{#yes}}\r\nb\r\n{{/yes}}\r\nc",
    "{{#items}}\n{{> item}}\n{{/items}}\n{{> wrapper}}{{> nothing}}",
    "{{> layout}}",
    "{{<base}}\n{{$main}}\n<h1>{{title}}</h1>\n{{#items}}\n{{name}}\n{{/items}}\n{{/main}}\n{{/base}}\n",
    "{{<base}}{{$main}}inline{{/main}}{{/base}}",
    "{{<layout}}\n{{$main}}main from the child{{/main}}\n{{/layout}}\n",
    "{{$main}}a block outside a parent{{/main}}",
    "{{% CONTENT_TYPE: TEXT }}\n{{title}} {{> item}}",
    "{{% CONTENT_TYPE: HTML }}\n{{combining}}",
    "{{> cardlist}}",
    "{{ title }} {{# yes }}spaced{{/ yes }}",
    "{{.}}",
    "trailing {{title}}   \n   {{#yes}}   \n  x\n   {{/yes}}   ",
  ]

  func library(_ main: String, prefix: String) throws -> MustacheLibrary {
    var library = MustacheLibrary()
    for (name, text) in Self.partials { library.register(try MustacheTemplate(string: prefix + text), named: name) }
    library.register(try MustacheTemplate(string: prefix + main), named: "main")
    return library
  }

  func compiled(_ main: String, prefix: String) -> TemplateSet {
    var sources = Self.partials.mapValues { prefix + $0 }
    sources["main"] = prefix + main
    return TemplateSet(sources: sources)
  }

  @Test(arguments: templates)
  func rendersWhatSwiftMustacheRenders(template: String) throws {
    MustacheContentTypes.register(HTMLEscaping(), named: HTMLEscaping.name)
    let context = Self.context
    for prefix in ["", Theme.contentTypeLine] {
      let expected = try #require(try library(template, prefix: prefix).render(context, withTemplate: "main"))
      let set = compiled(template, prefix: prefix)
      #expect(set.contains("main"), "left to the library: \(template)")
      #expect(set.render(context, withTemplate: "main") == expected, "prefix \(prefix.debugDescription)")
      #expect(set.renderData(context, withTemplate: "main") == Data(expected.utf8))
    }
  }

  /// What the compiled renderer leaves to the library, and every template that reaches it.
  @Test(arguments: [
    "{{uppercased(title)}}", "{{#items}}{{index()}}{{/items}}", "{{>*dynamic}}", "  {{> item}}\n",
    "{{=<% %>=}}<% title %>", "{{% CONTENT_TYPE: JSON }}{{title}}", "x\n  {{$main}}indented block{{/main}}\n",
  ])
  func leavesWhatItDoesNotCompileToTheLibrary(template: String) throws {
    var sources = Self.partials
    sources["other"] = template
    sources["main"] = "{{#yes}}{{> other}}{{/yes}}"
    let set = TemplateSet(sources: sources)
    #expect(!set.contains("other"))
    #expect(!set.contains("main"), "reaches a template the set does not have")
    #expect(set.contains("item") && set.contains("layout"))
    #expect(set.render(Self.context, withTemplate: "main") == nil)
  }

  /// A theme renders each template the way it can; the result is the library's either way.
  @Test func aThemeFallsBackToTheLibraryForWhatItDoesNotCompile() throws {
    let files = [
      "/site/themes/default/templates/fast.mustache": "{{#items}}<i>{{name}}</i>{{/items}}\n",
      "/site/themes/default/templates/slow.mustache": "{{#items}}{{index()}}:{{name}} {{/items}}\n",
    ]
    let theme = try #require(Theme.load(root: "/site", name: "default", io: .memory(files)).0)
    #expect(theme.compiled.contains("fast") && !theme.compiled.contains("slow"))
    for name in ["fast", "slow"] {
      let expected = try #require(theme.library.render(Self.context, withTemplate: name))
      #expect(theme.render(Self.context, withTemplate: name) == expected)
      #expect(theme.renderData(Self.context, withTemplate: name) == Data(expected.utf8))
    }
    #expect(theme.render(Self.context, withTemplate: "slow")?.hasPrefix("0:a 1:b") == true)
    #expect(theme.render(Self.context, withTemplate: "absent") == nil)
  }

  /// Every template of the default theme compiles: otherwise pages would quietly render slowly.
  @Test func theDefaultThemeCompilesWhole() throws {
    let theme = try #require(Theme.load(root: repository, name: "default", io: .disk).0)
    let folder = repository + "/themes/default/templates"
    for name in try FileManager.default.contentsOfDirectory(atPath: folder) where name.hasSuffix(".mustache") {
      #expect(theme.compiled.contains(String(name.dropLast(".mustache".count))), "\(name)")
    }
  }

  /// Lists typed `[Any]` (the calendar's months hold their cards so) box each item twice when
  /// iterated; the values are read the same as from typed lists.
  @Test func itemsOfAnUntypedListRenderAsTheLibraryRendersThem() throws {
    MustacheContentTypes.register(HTMLEscaping(), named: HTMLEscaping.name)
    let card = CardView(html: "<li>c&</li>") { ["title": "t"] }
    let items: [Any] = [
      ["s": "dict"] as [String: Any], ["s": "fields"] as Fields, "text", true, 7, card,
      ["x", "y"] as [String], [["s": "nested"]] as [Fields],
    ]
    let context: Fields = ["items": items]
    let template = "{{#items}}[{{s}}|{{.}}|{{{card_html}}}|{{title}}|{{#.}}+{{/.}}]{{/items}}"
    let expected = try #require(try library(template, prefix: "").render(context, withTemplate: "main"))
    let set = compiled(template, prefix: "")
    #expect(set.contains("main"))
    #expect(set.render(context, withTemplate: "main") == expected)
    #expect(expected.contains("[fields|") && expected.contains("<li>c&</li>|t|"))
  }

  @Test func anExactReadOfABoxedValueIsItsCast() {
    func boxedTwice<Value>(_ value: Value) -> Any { value as Any }
    let inner: Any = "a"
    #expect(exactly(String.self, "a" as Any) == "a")
    #expect(exactly(String.self, boxedTwice(inner)) == "a")
    #expect(exactly(Int.self, "a" as Any) == nil)
    #expect(exactly([Fields].self, [Fields]() as Any)?.isEmpty == true)
    #expect(exactly(Bool.self, Optional(true) as Any) == true, "as `as?` unwraps an optional")
  }
}
