import Foundation

/// Whether one folder lies inside another, after resolving `.`, `..` and symbolic links: the
/// private folder must never be inside the published content.
public enum FolderContainment {
  public static func isInside(_ path: String, _ folder: String) -> Bool {
    let inner = components(path)
    let outer = components(folder)
    return inner.count >= outer.count && Array(inner.prefix(outer.count)) == outer
  }

  static func components(_ path: String) -> [String] {
    let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
    return URL(fileURLWithPath: absolute).standardizedFileURL.resolvingSymlinksInPath().pathComponents
  }
}
