import Emit
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
  /// Flush the new site to the disk before putting it in place (`StagedSite`'s `flush`).
  public var durable: Bool
  /// The moment time-dependent output is computed for.
  public var now: DateTime
  public var io: FileIO
  /// Receives one progress line per stage.
  public var log: @Sendable (String) -> Void

  public init(
    root: String, output: String? = nil, themes: String? = nil, includeDrafts: Bool = false, durable: Bool = false,
    now: DateTime, io: FileIO = .disk,
    log: @escaping @Sendable (String) -> Void = { _ in }
  ) {
    self.root = root
    self.output = output ?? root + "/site"
    self.themes = themes
    self.includeDrafts = includeDrafts
    self.durable = durable
    self.now = now
    self.io = io
    self.log = log
  }

  /// What `StagedSite` calls to flush the staged files, when the build is durable.
  var flush: (@Sendable (String) -> Void)? {
    durable ? StagedSite.syncFileSystem : nil
  }
}
