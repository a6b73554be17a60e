import Diagnostics
import Foundation

/// `intake_url` in `kirameki.yaml`: the receiver the site's forms post to.
enum IntakeURL {
  /// The URL without a trailing `/`, and a diagnostic when it is not usable.
  static func check(_ text: String?, at location: SourceLocation) -> (String?, Diagnostic?) {
    let hint = "the address kirameki-intake serve is reached at, for example https://forms.hub.example.org"
    guard let text = text?.trimmingCharacters(in: .whitespaces), let components = URLComponents(string: text),
      let scheme = components.scheme?.lowercased(), scheme == "https" || scheme == "http",
      let host = components.host, !host.isEmpty, components.query == nil, components.fragment == nil
    else {
      return (
        nil,
        .error(
          at: location, field: "intake_url", "'intake_url' must be an absolute http(s) URL without query or fragment",
          hint: hint)
      )
    }
    var url = text
    while url.hasSuffix("/") { url.removeLast() }
    let local = ["localhost", "127.0.0.1", "::1", "[::1]"].contains(host.lowercased())
    if scheme == "http" && !local {
      return (
        url,
        .warning(
          at: location, field: "intake_url",
          "'intake_url' uses plain http: submitted names and e-mail addresses would cross the network unencrypted",
          hint: "use https://")
      )
    }
    return (url, nil)
  }
}
