import Foundation

/// One file of the built site, relative to the output folder.
public struct OutputFile: Sendable, Hashable {
  public var path: String
  public var contents: Contents

  public enum Contents: Sendable, Hashable {
    case data(Data)
    /// A file to copy as it is, by its path relative to the site root.
    case copy(String)
  }

  public init(path: String, data: Data) {
    self.path = path
    self.contents = .data(data)
  }

  public init(path: String, text: String) {
    self.init(path: path, data: Data(text.utf8))
  }

  public init(path: String, copyOf source: String) {
    self.path = path
    self.contents = .copy(source)
  }

  /// `/seminars/x/` → `seminars/x/index.html`.
  public static func htmlPath(forURL url: String) -> String {
    let trimmed = url.hasPrefix("/") ? String(url.dropFirst()) : url
    return trimmed.isEmpty || trimmed.hasSuffix("/") ? trimmed + "index.html" : trimmed
  }
}
