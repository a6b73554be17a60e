import Foundation
import Load
import Pipeline

/// What the preview watches, and the name a change there has for the build: paths relative to
/// the site root (`content/news/x.md`, `kirameki.yaml`, `templates/base.mustache`); files of a
/// themes folder outside the root are named by their absolute path.
struct WatchTargets: Sendable {
  /// Site root, without a trailing slash.
  var root: String
  /// Folders watched with everything below them: absolute path and the name of that folder.
  var trees: [(path: String, name: String)]
  /// Names at the root whose change matters: the configuration and the watched folders.
  var rootNames: Set<String>

  init(options: BuildOptions) {
    let root = options.root.hasSuffix("/") && options.root.count > 1 ? String(options.root.dropLast()) : options.root
    self.root = root
    var trees: [(path: String, name: String)] = [
      (root + "/content", "content"), (root + "/templates", "templates"), (root + "/assets", "assets"),
    ]
    if let themes = options.themes {
      let absolute = themes.hasPrefix("/") ? themes : root + "/" + themes
      trees.append((absolute, absolute.hasPrefix(root + "/") ? String(absolute.dropFirst(root.count + 1)) : absolute))
    } else {
      trees.append((root + "/themes", "themes"))
    }
    self.trees = trees
    self.rootNames = Set([SiteConfig.fileName] + trees.map(\.name).filter { !$0.contains("/") })
  }

  /// Editors' temporary and hidden files never trigger a rebuild.
  static func ignored(_ name: String) -> Bool {
    name.hasPrefix(".") || name.hasSuffix("~") || name.hasSuffix(".swp") || name.hasSuffix(".tmp") || name == "4913"
  }
}
