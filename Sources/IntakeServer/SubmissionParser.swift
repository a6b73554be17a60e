import Foundation
import Intake
import Schema

/// Why a request body could not be read as a submission; shown to the submitter in ja and en.
public struct SubmissionParseError: Error, Equatable, Sendable {
  public var ja: String
  public var en: String

  public init(ja: String, en: String) {
    self.ja = ja
    self.en = en
  }

  static let notUTF8 = SubmissionParseError(
    ja: "送信内容を UTF-8 の文字として読めませんでした。", en: "The submission is not valid UTF-8 text.")
  static let tooManyFields = SubmissionParseError(
    ja: "項目の数が多すぎます。", en: "The submission has too many fields.")
}

/// Turns a request body into the submitted name/value pairs, in the order they arrived.
public enum SubmissionParser {
  public enum Format: Sendable, Equatable {
    case urlEncoded
    case json
    case multipart(boundary: String)
  }

  static let maxFields = 1000
  static let maxNameLength = 200

  /// The body format named by a `Content-Type` header, nil when unsupported.
  public static func format(contentType: String?) -> Format? {
    guard let contentType else { return nil }
    let parts = contentType.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
    switch parts.first?.lowercased() {
    case "application/x-www-form-urlencoded": return .urlEncoded
    case "application/json": return .json
    case "multipart/form-data":
      for parameter in parts.dropFirst() {
        let pair = parameter.split(separator: "=", maxSplits: 1).map(String.init)
        guard pair.count == 2, pair[0].lowercased() == "boundary" else { continue }
        let boundary = pair[1].trimmingCharacters(in: CharacterSet(charactersIn: "\""))
        return boundary.isEmpty ? nil : .multipart(boundary: boundary)
      }
      return nil
    default: return nil
    }
  }

  public static func parse(_ body: Data, format: Format, form: IntakeForm) throws(SubmissionParseError)
    -> [SpoolField]
  {
    let fields: [SpoolField]
    switch format {
    case .urlEncoded: fields = try URLEncodedBody.fields(body)
    case .json: fields = try JSONBody.fields(body, order: fieldOrder(form))
    case .multipart(let boundary): fields = try MultipartBody.fields(body, boundary: boundary)
    }
    guard fields.count <= maxFields else { throw .tooManyFields }
    for field in fields where field.name.isEmpty || field.name.count > maxNameLength {
      throw SubmissionParseError(
        ja: "項目名が空か、長すぎます。", en: "A field name is empty or too long.")
    }
    return fields
  }

  /// The form's own order, for formats (JSON objects) that do not keep one.
  static func fieldOrder(_ form: IntakeForm) -> [String] {
    form.submitterFields + [IntakeFieldName.body, IntakeFieldName.language] + IntakeFieldName.contact
      + [IntakeFieldName.consent, IntakeFieldName.honeypot]
  }
}
