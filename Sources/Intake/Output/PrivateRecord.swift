import Foundation
import Schema

/// The personal part of a submission (contact data, consent), kept outside `content/` under the
/// private folder as `<submission id>.json`. The draft refers to it only by `submission:`.
struct PrivateRecord: Codable, Sendable {
  var submission: String
  var form: String
  var receivedAt: String
  var input: String
  var draft: String
  var fields: [String: String]

  enum CodingKeys: String, CodingKey {
    case submission, form
    case receivedAt = "received_at"
    case input, draft, fields
  }

  init(draft: Draft, input: String) {
    self.submission = draft.id
    self.form = draft.form.name
    self.receivedAt = draft.receivedAt.description
    self.input = input
    self.draft = "content/" + draft.relativePath
    self.fields = draft.privateFields
  }

  func encoded() throws -> Data {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    return try encoder.encode(self) + Data("\n".utf8)
  }
}
