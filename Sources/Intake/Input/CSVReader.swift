import Foundation

/// RFC 4180 CSV as spreadsheets and form services export it: quoted cells may hold commas,
/// doubled quotes and line breaks; rows end in CRLF, LF or CR.
enum CSVReader {
  struct Row: Sendable, Hashable {
    var cells: [String]
    /// The 1-based line the row starts on.
    var line: Int
  }

  static func rows(_ text: String) throws(InputError) -> [Row] {
    var rows: [Row] = []
    var cells: [String] = []
    var cell = ""
    var inQuotes = false
    var line = 1
    var rowLine = 1
    var iterator = text.makeIterator()
    var pending: Character? = nil
    func endRow() {
      cells.append(cell)
      cell = ""
      if !(cells.count == 1 && cells[0].isEmpty) { rows.append(Row(cells: cells, line: rowLine)) }
      cells = []
    }
    while let char = pending ?? iterator.next() {
      pending = nil
      if inQuotes {
        if char == "\"" {
          let next = iterator.next()
          if next == "\"" {
            cell.append("\"")
          } else {
            inQuotes = false
            pending = next
          }
        } else {
          if char.isNewline { line += 1 }
          cell.append(char)
        }
        continue
      }
      switch char {
      case "\"" where cell.isEmpty:
        inQuotes = true
      case ",":
        cells.append(cell)
        cell = ""
      case _ where char.isNewline:
        endRow()
        line += 1
        rowLine = line
      default:
        cell.append(char)
      }
    }
    if inQuotes { throw InputError("a quoted cell is never closed", line: rowLine) }
    if !cell.isEmpty || !cells.isEmpty { endRow() }
    return rows
  }

  /// One submission per row after the header; a column header that repeats is a multi-select.
  static func submissions(_ text: String, input: String) throws(InputError) -> [Submission] {
    let rows = try rows(text)
    guard let header = rows.first else { throw InputError("the CSV file is empty") }
    let names = header.cells.map { $0.trimmingCharacters(in: .whitespaces) }
    return rows.dropFirst().enumerated().map { index, row in
      var fields: [SpoolField] = []
      var problems: [FieldProblem] = []
      for (column, value) in row.cells.enumerated() {
        if column < names.count {
          fields.append(SpoolField(name: names[column], value: value))
        } else if !value.isEmpty {
          problems.append(FieldProblem("the row has more cells than the header (cell \(column + 1))"))
        }
      }
      return Submission(
        input: input, number: index + 1, line: row.line, format: .csv, fields: fields, readProblems: problems)
    }
  }
}
