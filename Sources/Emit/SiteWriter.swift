import Foundation
import Render

/// The emitting stage: writes the built site into a staging folder beside the output folder and
/// swaps it in with one atomic rename, so the output is never half-written and a failed build
/// leaves the previous site as it was. `StagedSite` does the work, batch by batch.
public enum SiteWriter {
  public enum Failure: Error, CustomStringConvertible {
    case notASiteFolder(String)
    case io(String, String)

    public var description: String {
      switch self {
      case .notASiteFolder(let path):
        "refusing to replace '\(path)': it exists, is not empty and was not written by kirameki (no \(SiteWriter.marker))"
      case .io(let path, let message):
        "cannot write '\(path)': \(message)"
      }
    }
  }

  /// Marks a folder as kirameki's output, so a mistaken `--out` never deletes other files.
  public static let marker = ".kirameki-site"

  /// Writes `files` (and copies of the static files they name, relative to `root`) to `output`.
  @discardableResult
  public static func write(_ files: [OutputFile], root: String, to output: String) throws -> StagedSite.Summary {
    let site = try StagedSite(root: root, output: output)
    do {
      try site.add(files)
      return try site.commit()
    } catch {
      site.discard()
      throw error
    }
  }
}
