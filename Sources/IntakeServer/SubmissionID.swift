/// Submission ids: the JST date and 12 random base32 characters (60 bits), `20261125-k3j9x2m4q7ab`.
/// Only `[a-z0-9-]`, so an id is safe in file names and URLs.
public enum SubmissionID {
  static let alphabet = Array("abcdefghijklmnopqrstuvwxyz234567")

  public static func make(date: String, using generator: inout some RandomNumberGenerator) -> String {
    let random = (0..<12).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &generator)] }
    return date + "-" + String(random)
  }

  public static func make(date: String) -> String {
    var generator = SystemRandomNumberGenerator()
    return make(date: date, using: &generator)
  }

  public static func isValid(_ id: String) -> Bool {
    !id.isEmpty && id.allSatisfy { ($0 >= "a" && $0 <= "z") || ($0 >= "0" && $0 <= "9") || $0 == "-" }
  }
}
