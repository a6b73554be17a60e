/// JSON inputs: one object, an array of objects, one object per line (NDJSON), or a spool record
/// (an object with `kirameki_spool`). A string, number or boolean is one value; an array of them is
/// a multi-select; null is no answer.
enum JSONRecordReader {
  static func submissions(_ bytes: [UInt8], input: String) throws(InputError) -> [Submission] {
    let lines = LineIndex(bytes)
    let document: JSONValue
    let offsets: [Int]
    do {
      (document, offsets) = try JSONParser.parseDocumentWithOffsets(bytes)
    } catch {
      throw InputError("invalid JSON: \(error.message)", line: lines.line(at: error.offset))
    }
    if case .array(let items) = document {
      return items.enumerated().map { index, item in
        let line = index < offsets.count ? lines.line(at: offsets[index]) : nil
        return submission(item, input: input, number: index + 1, line: line, format: .json)
      }
    }
    return [submission(document, input: input, number: 1, line: 1, format: .json)]
  }

  static func ndjson(_ bytes: [UInt8], input: String) -> [Submission] {
    var submissions: [Submission] = []
    var start = 0
    var lineNumber = 0
    while start <= bytes.count {
      let end = bytes[start...].firstIndex(of: 0x0A) ?? bytes.count
      lineNumber += 1
      let line = Array(bytes[start..<end])
      start = end + 1
      guard line.contains(where: { ![0x20, 0x09, 0x0D].contains($0) }) else { continue }
      let number = submissions.count + 1
      do {
        let value = try JSONParser.parseDocument(line)
        submissions.append(submission(value, input: input, number: number, line: lineNumber, format: .ndjson))
      } catch {
        submissions.append(
          Submission(
            input: input, number: number, line: lineNumber, format: .ndjson, fields: [],
            readProblems: [FieldProblem("invalid JSON: \(error.message) (byte \(error.offset + 1) of the line)")]))
      }
    }
    return submissions
  }

  static func submission(_ value: JSONValue, input: String, number: Int, line: Int?, format: InputFormat)
    -> Submission
  {
    guard let members = value.members else {
      return Submission(
        input: input, number: number, line: line, format: format, fields: [],
        readProblems: [FieldProblem("a record must be a JSON object")])
    }
    if value["kirameki_spool"] != nil { return spool(value, input: input, number: number, line: line) }
    var submission = Submission(input: input, number: number, line: line, format: format, fields: [])
    add(members, to: &submission)
    return submission
  }

  /// A spool record: its id, form and time, and its `fields` list of name/value pairs.
  static func spool(_ value: JSONValue, input: String, number: Int, line: Int?) -> Submission {
    var submission = Submission(
      input: input, number: number, line: line, format: .spool, id: value["id"]?.stringValue,
      form: value["form"]?.stringValue, receivedAt: value["received_at"]?.stringValue, fields: [])
    guard case .number(let version) = value["kirameki_spool"], Int(version) == SpoolRecord.formatVersion else {
      submission.readProblems.append(
        FieldProblem("unsupported spool record version (this tool reads version \(SpoolRecord.formatVersion))"))
      return submission
    }
    if submission.id == nil { submission.readProblems.append(FieldProblem(field: "id", "the spool record has no id")) }
    guard case .array(let items) = value["fields"] else {
      submission.readProblems.append(FieldProblem("the spool record has no 'fields' list"))
      return submission
    }
    for item in items {
      guard let name = item["name"]?.stringValue, let text = item["value"] else {
        submission.readProblems.append(FieldProblem("a spool field lacks a text 'name' or 'value'"))
        continue
      }
      add([JSONMember(key: name, value: text, offset: 0)], to: &submission, duplicatesAllowed: true)
    }
    return submission
  }

  private static func add(_ members: [JSONMember], to submission: inout Submission, duplicatesAllowed: Bool = false) {
    var seen = Set<String>()
    for member in members {
      if !duplicatesAllowed, !seen.insert(member.key).inserted {
        submission.readProblems.append(
          FieldProblem(
            column: member.key, "the key '\(member.key)' appears more than once",
            hint: "send a multi-select as one array"))
        continue
      }
      switch member.value {
      case .array(let items):
        for item in items { append(item, name: member.key, to: &submission, inList: true) }
      default:
        append(member.value, name: member.key, to: &submission, inList: false)
      }
    }
  }

  private static func append(_ value: JSONValue, name: String, to submission: inout Submission, inList: Bool) {
    switch value {
    case .null: break
    case .bool(let flag): submission.fields.append(SpoolField(name: name, value: flag ? "true" : "false"))
    case .number(let text), .string(let text): submission.fields.append(SpoolField(name: name, value: text))
    case .invalid(let reason): submission.readProblems.append(FieldProblem(column: name, "unusable value: \(reason)"))
    case .array, .object:
      submission.readProblems.append(
        FieldProblem(column: name, inList ? "a list item must be a single value" : "a value must not be an object"))
    }
  }
}

/// Byte offset → 1-based line number.
struct LineIndex {
  private var starts: [Int] = [0]

  init(_ bytes: [UInt8]) {
    for (offset, byte) in bytes.enumerated() where byte == 0x0A { starts.append(offset + 1) }
  }

  func line(at offset: Int) -> Int {
    var low = 0
    var high = starts.count - 1
    while low < high {
      let mid = (low + high + 1) / 2
      if starts[mid] <= offset { low = mid } else { high = mid - 1 }
    }
    return low + 1
  }
}
