/// The width and script variants people type when they search: hiragana for a katakana word,
/// half-width katakana, and full-width Latin letters and digits.
public enum KanaWidth {
  /// Katakana (ァ–ヶ) as hiragana; everything else unchanged.
  public static func hiragana(_ text: String) -> String {
    var out = String.UnicodeScalarView()
    for scalar in text.unicodeScalars {
      if (0x30A1...0x30F6).contains(scalar.value), let mapped = Unicode.Scalar(scalar.value - 0x60) {
        out.append(mapped)
      } else {
        out.append(scalar)
      }
    }
    return String(out)
  }

  /// Full-width katakana as half-width katakana (ガ → ｶﾞ, ー → ｰ); other characters unchanged.
  public static func halfWidthKatakana(_ text: String) -> String {
    var out = ""
    for character in text {
      out += halfWidth[character] ?? String(character)
    }
    return out
  }

  /// ASCII letters, digits and `-/.` as their full-width forms, a space as an ideographic space.
  public static func fullWidth(_ text: String) -> String {
    var out = String.UnicodeScalarView()
    for scalar in text.unicodeScalars {
      let value = scalar.value
      let isAlphanumeric =
        (0x30...0x39).contains(value) || (0x41...0x5A).contains(value) || (0x61...0x7A).contains(value)
      if isAlphanumeric || value == 0x2D || value == 0x2F || value == 0x2E,
        let mapped = Unicode.Scalar(value + 0xFEE0)
      {
        out.append(mapped)
      } else if value == 0x20 {
        out.append("\u{3000}")
      } else {
        out.append(scalar)
      }
    }
    return String(out)
  }

  private static let halfWidth: [Character: String] = {
    let full = Array("アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワヲンァィゥェォッャュョー")
    let half = Array("ｱｲｳｴｵｶｷｸｹｺｻｼｽｾｿﾀﾁﾂﾃﾄﾅﾆﾇﾈﾉﾊﾋﾌﾍﾎﾏﾐﾑﾒﾓﾔﾕﾖﾗﾘﾙﾚﾛﾜｦﾝｧｨｩｪｫｯｬｭｮｰ")
    var table: [Character: String] = [:]
    for (f, h) in zip(full, half) { table[f] = String(h) }
    let voiced = Array("ガギグゲゴザジズゼゾダヂヅデドバビブベボ")
    let voicedBase = Array("カキクケコサシスセソタチツテトハヒフヘホ")
    for (v, base) in zip(voiced, voicedBase) { table[v] = (table[base] ?? String(base)) + "ﾞ" }
    let semi = Array("パピプペポ")
    let semiBase = Array("ハヒフヘホ")
    for (v, base) in zip(semi, semiBase) { table[v] = (table[base] ?? String(base)) + "ﾟ" }
    table["ヴ"] = "ｳﾞ"
    return table
  }()
}
