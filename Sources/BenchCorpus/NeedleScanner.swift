/// Finds every occurrence of a few dozen byte patterns in one pass (Aho–Corasick over UTF-8
/// bytes, with a dense transition table), so each generated file can be checked for every needle
/// as it is written.
struct NeedleScanner: Sendable {
  /// Transitions: `next[state * 256 + byte]`.
  private let next: [Int32]
  /// Patterns ending at each state (including those of its suffix states).
  private let outputs: [[Int]]
  let patternCount: Int

  init(patterns: [[UInt8]]) {
    var goto: [[Int32]] = [Array(repeating: -1, count: 256)]
    var outputs: [[Int]] = [[]]
    for (index, pattern) in patterns.enumerated() where !pattern.isEmpty {
      var state = 0
      for byte in pattern {
        let target = goto[state][Int(byte)]
        if target >= 0 {
          state = Int(target)
        } else {
          goto.append(Array(repeating: -1, count: 256))
          outputs.append([])
          goto[state][Int(byte)] = Int32(goto.count - 1)
          state = goto.count - 1
        }
      }
      outputs[state].append(index)
    }
    // Breadth-first: failure links, then complete the transition table.
    var fail = Array(repeating: 0, count: goto.count)
    var queue: [Int] = []
    for byte in 0..<256 {
      let target = goto[0][byte]
      if target >= 0 {
        fail[Int(target)] = 0
        queue.append(Int(target))
      } else {
        goto[0][byte] = 0
      }
    }
    var head = 0
    while head < queue.count {
      let state = queue[head]
      head += 1
      outputs[state] += outputs[fail[state]]
      for byte in 0..<256 {
        let target = goto[state][byte]
        if target >= 0 {
          fail[Int(target)] = Int(goto[fail[state]][byte])
          queue.append(Int(target))
        } else {
          goto[state][byte] = goto[fail[state]][byte]
        }
      }
    }
    next = goto.flatMap { $0 }
    self.outputs = outputs
    patternCount = patterns.count
  }

  /// How often each pattern occurs (pattern index → count); empty for most files.
  func matches(in bytes: [UInt8]) -> [Int: Int] {
    var found: [Int: Int] = [:]
    next.withUnsafeBufferPointer { table in
      bytes.withUnsafeBufferPointer { text in
        var state = 0
        for byte in text {
          state = Int(table[state &* 256 &+ Int(byte)])
          if !outputs[state].isEmpty {
            for pattern in outputs[state] { found[pattern, default: 0] += 1 }
          }
        }
      }
    }
    return found
  }
}
