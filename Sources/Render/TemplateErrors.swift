import Mustache

/// swift-mustache's parser errors, in words an editor of a theme can act on.
enum TemplateErrors {
  static func explain(_ error: any Error) -> (message: String, hint: String) {
    guard let error = error as? MustacheTemplate.Error else {
      return ("\(error)", "check the tags near this line")
    }
    return switch error {
    case .sectionCloseNameIncorrect:
      (
        "this closing tag does not match the section it closes",
        "close each {{#name}}, {{^name}}, {{$name}} and {{<parent}} with {{/name}} of the same name, innermost first"
      )
    case .unfinishedName:
      ("a tag is not finished", "end the tag with }} (or }}} for {{{name}}})")
    case .expectedSectionEnd:
      ("a section is still open at the end of the template", "add the missing {{/name}}")
    case .invalidSetDelimiter:
      ("the set-delimiter tag is malformed", "write it as {{=<% %>=}}, two delimiters separated by a space")
    case .transformAppliedToInheritanceSection:
      ("a transform cannot be applied to an inherited section", "remove the transform from the {{<parent}} tag")
    case .illegalTokenInsideInheritSection:
      (
        "only {{$block}} overrides may appear directly inside {{<parent}}",
        "wrap the content in a {{$block}}…{{/block}}"
      )
    case .textInsideInheritSection:
      ("text directly inside {{<parent}} is ignored", "put the text inside a {{$block}}…{{/block}} override")
    case .invalidConfigVariableSyntax:
      ("the configuration tag is malformed", "write it as {{% NAME: value }}")
    case .unrecognisedConfigVariable:
      ("unknown configuration variable in a {{% … }} tag", "swift-mustache knows CONTENT_TYPE only")
    }
  }
}
