/// A normalised front-matter value, ready for the YAML emitter.
public indirect enum DraftValue: Sendable, Hashable {
  /// Free text, or a value that did not normalise: always emitted double-quoted, so it stays a
  /// string whatever it contains (`null`, `!!python/object`, `*a`, `\n---\n`).
  case text(String)
  /// A canonical value this tool produced (a date, number, boolean or enum value).
  case plain(String)
  case list([DraftValue])
}
