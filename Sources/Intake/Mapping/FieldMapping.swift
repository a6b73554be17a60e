import Diagnostics
import Foundation
import Schema
import Yams

/// How one form's submitted names and column headers map to fields: read from
/// `<root>/intake/<form>.yaml`. A name always maps to itself when it is a target (identity
/// mapping), so a file is only needed for other names, such as Japanese column headers.
///
/// ```yaml
/// fields:
///   タイトル: title
///   タイムスタンプ: received_at
/// ignore:
///   - 同意事項の確認
/// ```
public struct FieldMapping: Sendable, Hashable {
  /// Normalised source name → target.
  var targets: [String: String]
  /// Normalised names dropped without a report.
  var ignored: Set<String>

  /// Where a submitted value can go besides the form's schema fields.
  public enum Special {
    /// The moment of submission (a form service's timestamp column).
    public static let receivedAt = "received_at"
    /// A submission id given by the input.
    public static let id = "id"
  }

  /// Every name a mapping may point at for this form.
  public static func allowedTargets(for form: IntakeForm) -> [String] {
    form.submitterFields + [IntakeFieldName.body, IntakeFieldName.language] + IntakeFieldName.contact
      + [IntakeFieldName.consent, IntakeFieldName.honeypot, Special.receivedAt, Special.id]
  }

  public static func identity(for form: IntakeForm) -> FieldMapping {
    FieldMapping(targets: [:], ignored: [], allowed: Set(allowedTargets(for: form)))
  }

  /// The targets a name maps to when it is one of them.
  let allowed: Set<String>

  /// What a submitted name becomes: a field, deliberately dropped, or unknown (reported).
  public func target(of name: String) -> Target {
    let key = Self.normalise(name)
    if let target = targets[key] { return .field(target) }
    if allowed.contains(key) { return .field(key) }
    if ignored.contains(key) { return .ignored }
    return .unknown
  }

  public enum Target: Sendable, Hashable {
    case field(String)
    case ignored
    case unknown
  }

  /// Headers compare after NFKC, trimming and lowercasing, so `Ｔｉｔｌｅ ` finds `title`.
  static func normalise(_ name: String) -> String {
    name.precomposedStringWithCompatibilityMapping.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
  }

  /// Reads `<root>/intake/<form>.yaml`, or the identity mapping when there is none.
  public static func load(root: String, form: IntakeForm) throws(InputError) -> FieldMapping {
    let path = (root as NSString).appendingPathComponent("intake/\(form.name).yaml")
    guard FileManager.default.fileExists(atPath: path) else { return identity(for: form) }
    guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
      throw InputError("\(path): cannot read the mapping file as UTF-8")
    }
    return try parse(text, path: path, form: form)
  }

  public static func parse(_ text: String, path: String, form: IntakeForm) throws(InputError) -> FieldMapping {
    let allowed = allowedTargets(for: form)
    var mapping = identity(for: form)
    let root: Node?
    do {
      root = try Yams.compose(yaml: text)
    } catch {
      throw InputError("\(path): invalid YAML: \(error)")
    }
    guard let root else { return mapping }
    guard let top = root.mapping else { throw InputError("\(path):1: the mapping file must be a YAML mapping") }
    for (key, value) in top {
      let line = key.mark?.line ?? 1
      switch key.string {
      case "fields":
        guard let fields = value.mapping else {
          throw InputError("\(path):\(line): 'fields' must map column names to field names")
        }
        for (source, target) in fields {
          let line = source.mark?.line ?? 1
          guard let name = source.string, let targetName = target.string else {
            throw InputError("\(path):\(line): each entry of 'fields' is 'column name: field name'")
          }
          guard allowed.contains(targetName) else {
            let close = Suggestions.closest(to: targetName, in: allowed).map { " (did you mean '\($0)'?)" } ?? ""
            throw InputError(
              "\(path):\(line): '\(targetName)' is not a field of the \(form.name) form\(close); known: "
                + allowed.joined(separator: ", "))
          }
          mapping.targets[normalise(name)] = targetName
        }
      case "ignore":
        guard let names = value.sequence?.compactMap(\.string) else {
          throw InputError("\(path):\(line): 'ignore' must be a list of column names")
        }
        mapping.ignored.formUnion(names.map(normalise))
      default:
        throw InputError(
          "\(path):\(line): unknown key '\(key.string ?? "?")'; a mapping file has 'fields' and 'ignore'")
      }
    }
    return mapping
  }
}
