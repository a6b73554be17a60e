/// The language of a reply: Japanese or English. German-speaking submitters get English.
public enum ReplyLanguage: String, Sendable {
  case ja
  case en

  /// From the submission's `lang` field when it has one, else from `Accept-Language`.
  public static func choose(langField: String?, acceptLanguage: String?) -> ReplyLanguage {
    if let langField, !langField.isEmpty { return langField.lowercased().hasPrefix("ja") ? .ja : .en }
    guard let acceptLanguage else { return .ja }
    var best: (ReplyLanguage, Double)?
    for item in acceptLanguage.split(separator: ",") {
      let parts = item.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
      guard let tag = parts.first, !tag.isEmpty else { continue }
      let quality = parts.dropFirst().first { $0.hasPrefix("q=") }.flatMap { Double($0.dropFirst(2)) } ?? 1
      let language: ReplyLanguage? =
        tag.hasPrefix("ja") ? .ja : (tag.hasPrefix("en") || tag.hasPrefix("de")) ? .en : nil
      guard let language, quality > 0, quality > (best?.1 ?? 0) else { continue }
      best = (language, quality)
    }
    return best?.0 ?? .ja
  }

  var other: ReplyLanguage { self == .ja ? .en : .ja }
}
