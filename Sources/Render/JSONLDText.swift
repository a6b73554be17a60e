/// Writes JSON-LD text the way `JSONSerialization` with `.sortedKeys` does on Linux (keys in
/// case-insensitive order, "/" escaped as "\/", so the text can never close a script element),
/// without its bridging through NSDictionary, which cost a sixth of page rendering.
/// Values: String, Int, Bool, arrays and `[String: Any]` dictionaries of them.
enum JSONLDText {
  static func encode(_ value: Any) -> String? {
    var out: [UInt8] = []
    out.reserveCapacity(1024)
    guard write(value, into: &out) else { return nil }
    return String(decoding: out, as: UTF8.self)
  }

  private static func write(_ value: Any, into out: inout [UInt8]) -> Bool {
    switch ValueKind(of: value) {
    case .string:
      writeString(value as? String ?? "", into: &out)
    case .bool:
      out += (value as? Bool == true ? "true" : "false").utf8
    case .int:
      out += String(value as? Int ?? 0).utf8
    case .fields, .stringFields:
      return writeObject(value as? [String: Any] ?? [:], into: &out)
    case .fieldsList:
      return writeArray(value as? [[String: Any]] ?? [], into: &out)
    case .stringList:
      return writeArray(value as? [String] ?? [], into: &out)
    case .record, .recordList, .card, .cardList:
      return false
    case .other:
      if let object = value as? [String: Any] { return writeObject(object, into: &out) }
      guard let array = value as? [Any] else { return false }
      return writeArray(array, into: &out)
    }
    return true
  }

  private static func writeObject(_ object: [String: Any], into out: inout [UInt8]) -> Bool {
    out.append(UInt8(ascii: "{"))
    for (offset, key) in object.keys.sorted(by: keyOrder).enumerated() {
      if offset > 0 { out.append(UInt8(ascii: ",")) }
      writeString(key, into: &out)
      out.append(UInt8(ascii: ":"))
      guard let member = object[key], write(member, into: &out) else { return false }
    }
    out.append(UInt8(ascii: "}"))
    return true
  }

  private static func writeArray<Element>(_ array: [Element], into out: inout [UInt8]) -> Bool {
    out.append(UInt8(ascii: "["))
    for (offset, element) in array.enumerated() {
      if offset > 0 { out.append(UInt8(ascii: ",")) }
      guard write(element, into: &out) else { return false }
    }
    out.append(UInt8(ascii: "]"))
    return true
  }

  /// Case-insensitive, then by code unit, as Foundation's `.forcedOrdering` breaks ties.
  static func keyOrder(_ a: String, _ b: String) -> Bool {
    if let ordered = asciiOrder(a, b) { return ordered }
    let folded = (a.lowercased(), b.lowercased())
    if folded.0 != folded.1 { return Array(folded.0.utf8).lexicographicallyPrecedes(folded.1.utf8) }
    return Array(a.utf8).lexicographicallyPrecedes(b.utf8)
  }

  /// `keyOrder` without allocating, decided before any non-ASCII byte (nil if not): ASCII
  /// lowercases byte for byte, so the first differing folded byte, or the shorter of two equal
  /// folded prefixes, orders the folded strings (all of schema.org's keys are ASCII).
  private static func asciiOrder(_ a: String, _ b: String) -> Bool? {
    var (left, right) = (a.utf8.makeIterator(), b.utf8.makeIterator())
    var tie: Bool?
    while true {
      switch (left.next(), right.next()) {
      case (nil, nil): return tie ?? false
      case (nil, .some): return true
      case (.some, nil): return false
      case (.some(let x), .some(let y)):
        guard x < 0x80, y < 0x80 else { return nil }
        let (foldedX, foldedY) = (lower(x), lower(y))
        if foldedX != foldedY { return foldedX < foldedY }
        if tie == nil, x != y { tie = x < y }
      }
    }
  }

  private static func lower(_ byte: UInt8) -> UInt8 {
    byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte + 32 : byte
  }

  private static func writeString(_ string: String, into out: inout [UInt8]) {
    out.append(UInt8(ascii: "\""))
    var string = string
    string.withUTF8 { bytes in
      var plainStart = 0
      for (index, byte) in bytes.enumerated() {
        // `/` as `\/`, so the text can never close its script element.
        let escape = byte == UInt8(ascii: "/") ? "\\/" : JSONEscape.escape(byte)
        if let escape {
          out.append(contentsOf: bytes[plainStart..<index])
          out.append(contentsOf: escape.utf8)
          plainStart = index + 1
        }
      }
      out.append(contentsOf: bytes[plainStart...])
    }
    out.append(UInt8(ascii: "\""))
  }
}
