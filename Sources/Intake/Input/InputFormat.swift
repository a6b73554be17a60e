import Foundation

/// The kinds of input `convert` reads.
public enum InputFormat: String, Sendable, Hashable, Codable, CaseIterable {
  /// One JSON object or an array of them.
  case json
  /// One JSON object per line.
  case ndjson
  /// A header row and one row per submission.
  case csv
  /// `application/x-www-form-urlencoded` bodies, one per line.
  case urlencoded
  /// One `multipart/form-data` body.
  case multipart
  /// The receiver's spool: one JSON file per submission.
  case spool

  /// The format an extension names, if it names one.
  static func byExtension(_ path: String) -> InputFormat? {
    guard let dot = path.lastIndex(of: "."), !path[dot...].contains("/") else { return nil }
    switch path[path.index(after: dot)...].lowercased() {
    case "json": return .json
    case "ndjson", "jsonl": return .ndjson
    case "csv": return .csv
    case "urlencoded", "form": return .urlencoded
    case "multipart", "mime": return .multipart
    default: return nil
    }
  }

  /// The format the bytes look like: for `-` and unknown extensions.
  static func sniff(_ text: String) -> InputFormat {
    let trimmed = text.drop { $0.isWhitespace }
    if trimmed.hasPrefix("[") { return .json }
    if trimmed.hasPrefix("{") {
      let lines = trimmed.split(whereSeparator: \.isNewline).filter { !$0.allSatisfy(\.isWhitespace) }
      let objectLines = lines.filter { $0.first == "{" && $0.last == "}" }
      return lines.count > 1 && objectLines.count == lines.count ? .ndjson : .json
    }
    if trimmed.hasPrefix("--"), text.range(of: "content-disposition", options: .caseInsensitive) != nil {
      return .multipart
    }
    let firstLine = trimmed.prefix { !$0.isNewline }
    if firstLine.contains("="), !firstLine.contains(","), !firstLine.contains(" "), !firstLine.contains("\t") {
      return .urlencoded
    }
    return .csv
  }
}
