/// ASCII URL segments for taxonomy terms. Vocabulary values are ASCII already (`IIa` → `iia`,
/// `laser_photonics` → `laser-photonics`); free Japanese tags get a stable hash so a tag never
/// yields an empty or non-ASCII path.
public enum TermSlug {
  public static func slug(for value: String) -> String {
    let ascii = asciiSlug(value)
    if !ascii.isEmpty && value.unicodeScalars.allSatisfy({ $0.isASCII }) { return ascii }
    return "t-" + hex(fnv1a(value))
  }

  static func asciiSlug(_ value: String) -> String {
    var out = ""
    var pendingHyphen = false
    for scalar in value.lowercased().unicodeScalars {
      if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) {
        if pendingHyphen && !out.isEmpty { out += "-" }
        pendingHyphen = false
        out.unicodeScalars.append(scalar)
      } else {
        pendingHyphen = true
      }
    }
    return out
  }

  /// 64-bit FNV-1a over UTF-8: short, stable across runs and platforms (Swift's `hashValue` is not).
  static func fnv1a(_ text: String) -> UInt64 {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in text.utf8 {
      hash ^= UInt64(byte)
      hash = hash &* 0x100_0000_01b3
    }
    return hash
  }

  static func hex(_ value: UInt64) -> String {
    let digits = String(value, radix: 16)
    return String(repeating: "0", count: 16 - digits.count) + digits.prefix(16)
  }
}
