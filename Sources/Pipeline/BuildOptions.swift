import Load
import Schema

public struct BuildOptions: Sendable {
  /// The site root: holds `kirameki.yaml`, `content/` and `themes/`.
  public var root: String
  /// The output folder; `site` under the root unless given.
  public var output: String
  /// The folder holding themes; `themes` under the root unless given.
  public var themes: String?
  public var includeDrafts: Bool
  /// The moment time-dependent output is computed for.
  public var now: DateTime
  public var io: FileIO
  /// Receives one progress line per stage.
  public var log: @Sendable (String) -> Void

  public init(
    root: String, output: String? = nil, themes: String? = nil, includeDrafts: Bool = false, now: DateTime,
    io: FileIO = .disk,
    log: @escaping @Sendable (String) -> Void = { _ in }
  ) {
    self.root = root
    self.output = output ?? root + "/site"
    self.themes = themes
    self.includeDrafts = includeDrafts
    self.now = now
    self.io = io
    self.log = log
  }
}
