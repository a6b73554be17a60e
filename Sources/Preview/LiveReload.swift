import Diagnostics

/// What the preview adds to every served HTML page (never to `kirameki build` output): a script
/// that reloads the page when the event stream announces a newer generation, and, while the
/// latest change has errors, a fixed panel with the diagnostics as the terminal prints them.
public enum LiveReload {
  public static let eventsPath = "/__kirameki/events"
  /// `{"generation":3,"settled":true,"errors":0}`: settled once the search index of the current
  /// generation is written (benchmarks wait for it between edits).
  public static let statusPath = "/__kirameki/status"
  /// Everything injected sits between these two comments, so it can be recognised and removed.
  public static let startMarker = "<!-- kirameki:preview -->"
  public static let endMarker = "<!-- /kirameki:preview -->"

  /// The page with the preview's script (and the error panel, when there are errors) inserted
  /// before `</body>`.
  public static func inject(into html: String, generation: Int, failure: [Diagnostic]) -> String {
    var snippet = startMarker + script(generation: generation)
    if !failure.isEmpty { snippet += overlay(failure) }
    snippet += endMarker
    guard let body = html.range(of: "</body>", options: .backwards) else { return html + snippet }
    var result = html
    result.insert(contentsOf: snippet, at: body.lowerBound)
    return result
  }

  /// A page as `kirameki build` writes it: the injected part taken out.
  public static func strip(_ html: String) -> String {
    guard let start = html.range(of: startMarker),
      let end = html.range(of: endMarker, range: start.upperBound..<html.endIndex)
    else { return html }
    var result = html
    result.removeSubrange(start.lowerBound..<end.upperBound)
    return result
  }

  static func script(generation: Int) -> String {
    """
    <script>(function(){var seen=\(generation);var source=new EventSource("\(eventsPath)");\
    source.addEventListener("reload",function(event){var next=parseInt(event.data,10);\
    if(next>seen){seen=next;source.close();location.reload();}});})();</script>
    """
  }

  /// The fixed error panel: the diagnostics exactly as `DiagnosticFormatter.format` prints them, escaped.
  public static func overlay(_ failure: [Diagnostic]) -> String {
    let text = DiagnosticFormatter.format(failure)
    return """
      <div id="kirameki-errors" role="alert" style="position:fixed;inset:auto 0 0 0;max-height:60vh;overflow:auto;\
      z-index:2147483647;margin:0;padding:1em 1.5em;background:#1e1e1e;color:#f5f5f5;border-top:4px solid #e53935;\
      font:14px/1.5 ui-monospace,Menlo,Consolas,monospace;box-shadow:0 -4px 16px rgba(0,0,0,.4)">\
      <strong style="color:#ff8a80">kirameki: the last change has errors; showing the last good site</strong>\
      <pre style="white-space:pre-wrap;margin:.5em 0 0">\(escape(text))</pre></div>
      """
  }

  static func escape(_ text: String) -> String {
    var out = ""
    out.reserveCapacity(text.utf8.count)
    for character in text {
      switch character {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      case "'": out += "&#39;"
      default: out.append(character)
      }
    }
    return out
  }
}
