import Diagnostics
import Emit
import Foundation

/// What the last successful build of a site recorded in `<root>/.kirameki-cache/build-state`:
/// the digest of its inputs, where it wrote, what it reported, and the identity of every file and
/// folder it left in the output. When the inputs hash the same and the output is untouched, the
/// next build has nothing to do.
struct BuildState {
  static let format = "kirameki-build-state 2"
  static let folderName = ".kirameki-cache"

  var inputs: String
  var output: String
  var pageCount: Int
  var diagnostics: [Diagnostic]
  var manifest: OutputManifest

  static func path(root: String) -> String {
    root + "/" + folderName + "/build-state"
  }

  /// Whether this state describes a build with these inputs whose output nobody has touched since.
  func isCurrent(inputs: String, output: String) -> Bool {
    self.inputs == inputs && self.output == output && manifest.matches(folder: output)
  }

  static func load(root: String) -> BuildState? {
    guard let data = FileManager.default.contents(atPath: path(root: root)) else { return nil }
    // Six header lines, then the manifest, which is parsed from the bytes as they are.
    var header: [Substring] = []
    var manifestStart = data.startIndex
    while header.count < 6, let newline = data[manifestStart...].firstIndex(of: 0x0A) {
      header.append(Substring(String(decoding: data[manifestStart..<newline], as: UTF8.self)))
      manifestStart = newline + 1
    }
    guard header.count == 6, header[0] == format,
      let inputs = value(header[1], "inputs"), let output = value(header[2], "output"),
      let pages = value(header[3], "pages").flatMap({ Int($0) }),
      let diagnosticsJSON = value(header[4], "diagnostics"),
      let diagnostics = try? JSONDecoder().decode([Diagnostic].self, from: Data(diagnosticsJSON.utf8)),
      let entries = value(header[5], "manifest").flatMap({ Int($0) }),
      let manifest = OutputManifest(text: data[manifestStart...]),
      // The file is not flushed to the disk; after a power cut a short one is refused whole.
      manifest.entries.count == entries
    else { return nil }
    return BuildState(
      inputs: inputs, output: output, pageCount: pages, diagnostics: diagnostics, manifest: manifest)
  }

  private static func value(_ line: Substring, _ key: String) -> String? {
    line.hasPrefix(key + " ") ? String(line.dropFirst(key.count + 1)) : nil
  }

  /// Writes the state with a rename, so a reader never sees half of it. Not flushed to the disk
  /// (`Data.write` would: an `fsync` that waited for the disk at the end of every build); the
  /// manifest's line count in the header refuses a file a power cut left short.
  func save(root: String) throws {
    let folder = root + "/" + Self.folderName
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    let diagnosticsJSON = String(decoding: try JSONEncoder().encode(diagnostics), as: UTF8.self)
    var text = "\(Self.format)\ninputs \(inputs)\noutput \(output)\npages \(pageCount)\n"
    text += "diagnostics \(diagnosticsJSON)\nmanifest \(manifest.entries.count)\n"
    let temporary = Self.path(root: root) + ".\(getpid()).tmp"
    try PosixFiles.replaceFile(temporary, data: Data(Array(text.utf8) + manifest.bytes))
    guard rename(temporary, Self.path(root: root)) == 0 else {
      try? FileManager.default.removeItem(atPath: temporary)
      throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: Self.path(root: root)])
    }
  }

  /// Forgets the last build, before its output is replaced.
  static func invalidate(root: String) {
    try? FileManager.default.removeItem(atPath: path(root: root))
  }
}
