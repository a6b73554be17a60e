import Foundation

/// Browser posts must come from the site's own pages: the `Origin` header, or failing that the
/// `Referer`, must name an allowed origin. A post with neither is refused unless configured.
public enum OriginCheck {
  public enum Verdict: Sendable, Equatable {
    case allowed
    case missing
    case foreign(String)
  }

  public static func verdict(origin: String?, referer: String?, allowed: Set<String>, allowsMissing: Bool) -> Verdict {
    // Browsers send `Origin: null` from sandboxed or file pages: that is a foreign origin, not a missing one.
    if let origin, !origin.isEmpty {
      guard let normalised = Self.origin(of: origin), allowed.contains(normalised) else { return .foreign(origin) }
      return .allowed
    }
    if let referer, !referer.isEmpty {
      guard let normalised = Self.origin(of: referer), allowed.contains(normalised) else { return .foreign(referer) }
      return .allowed
    }
    return allowsMissing ? .allowed : .missing
  }

  /// `scheme://host[:port]` in lower case, without a default port; nil for anything but http(s).
  public static func origin(of text: String) -> String? {
    guard let components = URLComponents(string: text.trimmingCharacters(in: .whitespaces)),
      let scheme = components.scheme?.lowercased(), scheme == "http" || scheme == "https",
      let host = components.host?.lowercased(), !host.isEmpty
    else { return nil }
    let defaultPort = scheme == "https" ? 443 : 80
    guard let port = components.port, port != defaultPort else { return "\(scheme)://\(host)" }
    return "\(scheme)://\(host):\(port)"
  }
}
