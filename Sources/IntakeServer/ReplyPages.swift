/// The small HTML pages the receiver answers browsers with: the reply's language first, the
/// other one below, and a link back to the site. No scripts, no external resources.
public enum ReplyPages {
  public static func success(id: String, language: ReplyLanguage, siteURL: String) -> String {
    func block(_ language: ReplyLanguage) -> String {
      let ja = language == .ja
      return """
        <section lang="\(language.rawValue)">
        <h1>\(ja ? "送信を受け付けました" : "Thank you, your submission has arrived")</h1>
        <p>\(ja ? "事務局が内容を確認してから掲載します。確認のためにご連絡することがあります。" : "The hub office reviews it before anything is published, and may contact you with questions.")</p>
        <p>\(ja ? "受付番号" : "Reference"): <code>\(escape(id))</code></p>
        <p><a href="\(escape(link(siteURL, language)))">\(ja ? "サイトに戻る" : "Back to the site")</a></p>
        </section>
        """
    }
    return page(title: language == .ja ? "送信を受け付けました" : "Submission received", language: language) {
      block($0)
    }
  }

  public static func error(_ error: ReceiverError, language: ReplyLanguage, siteURL: String) -> String {
    func block(_ language: ReplyLanguage) -> String {
      let ja = language == .ja
      return """
        <section lang="\(language.rawValue)">
        <h1>\(escape(error.title(language)))</h1>
        <p>\(escape(error.message(language)))</p>
        <p>\(ja ? "エラー" : "Error") \(error.status.code)</p>
        <p><a href="\(escape(link(siteURL, language)))">\(ja ? "サイトに戻る" : "Back to the site")</a></p>
        </section>
        """
    }
    return page(title: error.title(language), language: language) { block($0) }
  }

  static func page(title: String, language: ReplyLanguage, block: (ReplyLanguage) -> String) -> String {
    """
    <!DOCTYPE html>
    <html lang="\(language.rawValue)">
    <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <meta name="robots" content="noindex">
    <title>\(escape(title))</title>
    <style>body{font-family:system-ui,sans-serif;line-height:1.7;max-width:40rem;margin:2rem auto;padding:0 1rem;color:#1d2330}section+section{margin-top:2.5rem;border-top:1px solid #ccd;padding-top:1rem;font-size:.95em}a{color:#0b5cad}</style>
    </head>
    <body>
    <main>
    \(block(language))
    \(block(language.other))
    </main>
    </body>
    </html>

    """
  }

  /// The site's home in the reply language: `/` for Japanese, `/en/` for English.
  static func link(_ siteURL: String, _ language: ReplyLanguage) -> String {
    language == .ja ? siteURL : siteURL + "en/"
  }

  static func escape(_ text: String) -> String {
    var output = ""
    output.reserveCapacity(text.count)
    for character in text {
      switch character {
      case "&": output += "&amp;"
      case "<": output += "&lt;"
      case ">": output += "&gt;"
      case "\"": output += "&quot;"
      case "'": output += "&#39;"
      default: output.append(character)
      }
    }
    return output
  }
}
