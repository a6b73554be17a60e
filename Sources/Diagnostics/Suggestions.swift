/// "Did you mean …?" for misspelt field names and enum values.
public enum Suggestions {
  /// The candidate closest to `word` by edit distance (case-insensitive), when it is close enough
  /// to be a likely typo: at most a third of the word's length, and at least 1 or 2 edits.
  public static func closest(to word: String, in candidates: [String]) -> String? {
    let lowered = word.lowercased()
    var best: (String, Int)?
    for candidate in candidates {
      let distance = editDistance(lowered, candidate.lowercased())
      if let current = best, current.1 <= distance { continue }
      best = (candidate, distance)
    }
    guard let (candidate, distance) = best else { return nil }
    let limit = max(2, lowered.count / 3)
    return distance <= limit ? candidate : nil
  }

  /// Levenshtein distance over characters.
  public static func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a)
    let b = Array(b)
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var previous = Array(0...b.count)
    var current = Array(repeating: 0, count: b.count + 1)
    for i in 1...a.count {
      current[0] = i
      for j in 1...b.count {
        let cost = a[i - 1] == b[j - 1] ? 0 : 1
        current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
      }
      swap(&previous, &current)
    }
    return previous[b.count]
  }
}
