import Schema
import Yams

/// Checks that involve more than one field of an entry.
enum Rules {
  static func check(
    type: ContentType, fields: [String: FieldValue], mapping: Node.Mapping, context: inout EntryDecoder.Context
  ) {
    if type == ContentTypes.seminar,
      case .datetime(let start) = fields["start"], case .datetime(let end) = fields["end"], end <= start
    {
      context.error(
        at: mapping["end"], field: "end", "the seminar ends (\(end)) before it starts (\(start))",
        hint: "'end' must be later than 'start'")
    }
    if type == ContentTypes.seminar, case .string(let attendance) = fields["attendance"],
      attendance != "online", fields["venue"] == nil
    {
      context.warning(
        at: mapping["attendance"], field: "venue", "an in-person seminar has no 'venue'",
        hint: "add 'venue: …' so visitors know where to go")
    }
  }
}
