/// The byte-level pieces of `LocalDate(iso:)` and `DateTime(iso:)`. Front matter holds a date or
/// two per entry, and walking them as `Character`s (grapheme breaking for ten ASCII bytes) cost
/// more than the rest of decoding a field.
enum ISOText {
  /// `Int(text)` for ASCII text: an optional sign, then one or more digits.
  /// - Parameter minus: whether `-` may be the sign (not in a date, whose parts `-` separates).
  static func integer(_ bytes: Slice<UnsafeBufferPointer<UInt8>>, minus: Bool = true) -> Int? {
    var digits = bytes[...]
    var negative = false
    if let sign = digits.first, sign == UInt8(ascii: "+") || (minus && sign == UInt8(ascii: "-")) {
      negative = sign == UInt8(ascii: "-")
      digits = digits.dropFirst()
    }
    guard !digits.isEmpty, digits.count <= 18 else { return nil }
    var value = 0
    for byte in digits {
      guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
      value = value * 10 + Int(byte - UInt8(ascii: "0"))
    }
    return negative ? -value : value
  }

  /// `YYYY-MM-DD` as `LocalDate(iso:)` reads it: three parts between `-`, of 4, 2 and 2 bytes.
  static func date(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> LocalDate? {
    let start = bytes.startIndex
    guard bytes.count == 10, bytes[start + 4] == UInt8(ascii: "-"), bytes[start + 7] == UInt8(ascii: "-"),
      let year = integer(bytes[start..<start + 4], minus: false),
      let month = integer(bytes[start + 5..<start + 7], minus: false),
      let day = integer(bytes[start + 8..<start + 10], minus: false)
    else { return nil }
    return LocalDate(year: year, month: month, day: day)
  }

  /// `YYYY-MM-DDTHH:MM[:SS](Z|±HH:MM)` as `DateTime(iso:)` reads it.
  static func dateTime(_ all: UnsafeBufferPointer<UInt8>) -> DateTime? {
    guard all.count >= 17, all.allSatisfy({ $0 < 0x80 }), let date = date(all[0..<10]),
      all[10] == UInt8(ascii: "T") || all[10] == UInt8(ascii: " ")
    else { return nil }
    var end = all.count
    let offset: Int
    if all[end - 1] == UInt8(ascii: "Z") {
      offset = 0
      end -= 1
    } else {
      guard end - 11 >= 6 else { return nil }
      let sign = all[end - 6]
      guard sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-"), all[end - 3] == UInt8(ascii: ":"),
        let hours = integer(all[end - 5..<end - 3]), let minutes = integer(all[end - 2..<end]),
        hours <= 14, minutes < 60
      else { return nil }
      offset = (hours * 3600 + minutes * 60) * (sign == UInt8(ascii: "-") ? -1 : 1)
      end -= 6
    }
    // The time: two or three parts of two bytes between `:`.
    let time = all[11..<end]
    let parts = time.split(separator: UInt8(ascii: ":"), omittingEmptySubsequences: false)
    guard parts.count == 2 || parts.count == 3, parts.allSatisfy({ $0.count == 2 }),
      let hour = integer(parts[0]), let minute = integer(parts[1]), hour < 24, minute < 60
    else { return nil }
    let second = parts.count == 3 ? integer(parts[2]) : 0
    guard let second, second < 60 else { return nil }
    return DateTime(date: date, hour: hour, minute: minute, second: second, offsetSeconds: offset)
  }
}
