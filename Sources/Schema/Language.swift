/// The hub's languages. Japanese is the default and lives at the site root.
public enum Language: String, CaseIterable, Sendable, Codable, Hashable, Comparable {
  case ja
  case en
  case de

  public static let `default`: Language = .ja

  public static func < (lhs: Language, rhs: Language) -> Bool {
    lhs.order < rhs.order
  }

  /// The language's place in `allCases`, which is also their order.
  public var order: Int {
    switch self {
    case .ja: 0
    case .en: 1
    case .de: 2
    }
  }

  /// The language's own name, for a language switch.
  public var endonym: String {
    switch self {
    case .ja: "日本語"
    case .en: "English"
    case .de: "Deutsch"
    }
  }
}

/// A text in each of the hub's languages. English stands in for a missing German text.
public struct Labels: Sendable, Hashable, Codable {
  public var ja: String
  public var en: String
  public var de: String

  public init(ja: String, en: String, de: String? = nil) {
    self.ja = ja
    self.en = en
    self.de = de ?? en
  }

  public subscript(_ language: Language) -> String {
    switch language {
    case .ja: ja
    case .en: en
    case .de: de
    }
  }
}
