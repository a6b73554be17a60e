/// Finds the lines of UTF-8 text the way `split(whereSeparator: \.isNewline)` does on its
/// Characters: "\r\n" is one break; "\n", "\r", VT, FF, NEL (U+0085), LS (U+2028) and PS (U+2029)
/// each are one. A final empty line (the text ends with a break, or is empty) is not counted.
enum LineScanner {
  struct Lines {
    /// Byte ranges of the lines, without their breaks.
    var ranges: [Range<Int>]
    /// Whether every break is a single "\n", so that consecutive lines are the bytes between them.
    var onlyLineFeeds: Bool
  }

  static func lines(of bytes: UnsafeBufferPointer<UInt8>) -> Lines {
    var ranges: [Range<Int>] = []
    var onlyLineFeeds = true
    var start = 0
    var index = 0
    let count = bytes.count
    while index < count {
      let byte = bytes[index]
      var breakLength = 0
      switch byte {
      case 0x0A:
        breakLength = 1
      case 0x0D:
        breakLength = index + 1 < count && bytes[index + 1] == 0x0A ? 2 : 1
      case 0x0B, 0x0C:
        breakLength = 1
      case 0xC2:
        if index + 1 < count && bytes[index + 1] == 0x85 { breakLength = 2 }
      case 0xE2:
        if index + 2 < count && bytes[index + 1] == 0x80 && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9) {
          breakLength = 3
        }
      default:
        break
      }
      if breakLength == 0 {
        index += 1
        continue
      }
      if byte != 0x0A { onlyLineFeeds = false }
      ranges.append(start..<index)
      index += breakLength
      start = index
    }
    // The text after the last break is a line unless it is empty.
    if start < count { ranges.append(start..<count) }
    return Lines(ranges: ranges, onlyLineFeeds: onlyLineFeeds)
  }
}
