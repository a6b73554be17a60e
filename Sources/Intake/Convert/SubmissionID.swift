import Load

/// The draft's submission id: the receiver's id when the record has one, otherwise a hash of the
/// record's content, so converting the same export twice finds the same id.
enum SubmissionID {
  /// Room for `YYYY-MM-DD-` in front within the loader's 80-character id limit.
  static let maxLength = 60

  static func isValid(_ id: String) -> Bool {
    id.count <= maxLength && SourceParser.isValidID(id)
  }

  /// 16 hex digits of FNV-1a (64 bit) over the form name and every name and value in order.
  /// Not a security measure: it only has to be stable and spread well.
  static func derived(form: String, fields: [SpoolField]) -> String {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    func mix(_ text: String) {
      for byte in text.utf8 {
        hash ^= UInt64(byte)
        hash = hash &* 0x0000_0100_0000_01B3
      }
      hash ^= 0xFF  // a separator no UTF-8 text contains
      hash = hash &* 0x0000_0100_0000_01B3
    }
    mix(form)
    for field in fields {
      mix(field.name)
      mix(field.value)
    }
    let hex = String(hash, radix: 16)
    return String(repeating: "0", count: 16 - hex.count) + hex
  }
}
