import Foundation

/// Reads the submissions of one command-line input: a file, a spool folder, or `-` for
/// standard input. The format comes from the extension, or from the content when the extension
/// names none.
public enum SubmissionReader {
  public static func read(
    _ input: String, standardInput: () -> Data = { FileHandle.standardInput.readDataToEndOfFile() }
  )
    throws(InputError) -> [Submission]
  {
    if input == "-" { return try parse(Array(standardInput()), input: input, format: nil) }
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: input, isDirectory: &isDirectory) else {
      throw InputError("no such file or folder")
    }
    if isDirectory.boolValue { return try spoolFolder(input) }
    return try parse(try bytes(of: input), input: input, format: InputFormat.byExtension(input))
  }

  public static func parse(_ bytes: [UInt8], input: String, format: InputFormat?) throws(InputError) -> [Submission] {
    switch format {
    case .json, .spool:
      do {
        return try JSONRecordReader.submissions(bytes, input: input)
      } catch {
        // Exports named .json are often one object per line.
        guard let (text, _) = InputText.decode(bytes), InputFormat.sniff(text) == .ndjson else { throw error }
        return JSONRecordReader.ndjson(bytes, input: input)
      }
    case .ndjson:
      return JSONRecordReader.ndjson(bytes, input: input)
    case .multipart:
      return [try MultipartReader.submission(bytes, input: input)]
    case .csv, .urlencoded, nil:
      guard let (text, _) = InputText.decode(bytes) else {
        throw InputError("the input is neither UTF-8 nor CP932 (Shift_JIS) text")
      }
      switch format ?? InputFormat.sniff(text) {
      case .csv: return try CSVReader.submissions(text, input: input)
      case .urlencoded: return URLEncodedReader.submissions(text, input: input)
      case .ndjson: return JSONRecordReader.ndjson(Array(text.utf8), input: input)
      case .multipart: return [try MultipartReader.submission(bytes, input: input)]
      case .json, .spool: return try JSONRecordReader.submissions(Array(text.utf8), input: input)
      }
    }
  }

  /// Every `*.json` file in the folder, by name; each is one spool record.
  static func spoolFolder(_ folder: String) throws(InputError) -> [Submission] {
    let names: [String]
    do {
      names = try FileManager.default.contentsOfDirectory(atPath: folder)
    } catch {
      throw InputError("cannot list the folder: \(error.localizedDescription)")
    }
    var submissions: [Submission] = []
    for name in names.sorted() where name.hasSuffix(".json") && !name.hasPrefix(".") {
      let path = (folder as NSString).appendingPathComponent(name)
      do {
        let records = try JSONRecordReader.submissions(try bytes(of: path), input: path)
        for var record in records {
          record.number = submissions.count + 1
          submissions.append(record)
        }
      } catch {
        submissions.append(
          Submission(
            input: path, number: submissions.count + 1, line: error.line, format: .spool, fields: [],
            readProblems: [FieldProblem(error.message)]))
      }
    }
    return submissions
  }

  static func bytes(of path: String) throws(InputError) -> [UInt8] {
    do {
      return Array(try Data(contentsOf: URL(fileURLWithPath: path)))
    } catch {
      throw InputError("cannot read: \(error.localizedDescription)")
    }
  }
}
