/// One allowed value of an enumerated field: ASCII in front matter, labelled on the site.
public struct EnumValue: Sendable, Hashable {
  public var value: String
  public var label: Labels

  public init(_ value: String, ja: String, en: String, de: String? = nil) {
    self.value = value
    self.label = Labels(ja: ja, en: en, de: de)
  }
}

/// A named list of allowed values, shared by every field that uses it.
public struct Vocabulary: Sendable, Hashable {
  public var name: String
  public var values: [EnumValue]

  public init(_ name: String, _ values: [EnumValue]) {
    self.name = name
    self.values = values
  }

  public var allowedValues: [String] { values.map(\.value) }

  public func value(_ raw: String) -> EnumValue? {
    values.first { $0.value == raw }
  }

  public func label(_ raw: String, in language: Language) -> String {
    value(raw)?.label[language] ?? raw
  }
}
