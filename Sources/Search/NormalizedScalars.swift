import Foundation

/// Receives the scalars of normalised text one by one.
protocol ScalarSink {
  mutating func accept(_ scalar: Unicode.Scalar)
}

/// `SearchText.normalize` without building the intermediate strings for the common scripts.
///
/// NFKC works segment by segment: it never looks across a boundary placed before a scalar that
/// has combining class 0, maps to a starter that no earlier scalar can compose with, and is
/// never the second part of a composition. The scalars in `fastMapping` are such scalars and
/// their NFKC and lowercase mappings are fixed, so they are mapped here; every other stretch of
/// text, together with the fast scalar just before it (which may compose with it), goes through
/// Foundation's NFKC and `lowercased()`. `NormalizedScalarsTests` checks every fast scalar.
enum NormalizedScalars {
  /// The normalised and lowercased form of `scalar` when it is a fast scalar.
  @inline(__always)
  static func fastMapping(_ scalar: Unicode.Scalar) -> Unicode.Scalar? {
    let value = scalar.value
    switch value {
    case 0x41...0x5A: return Unicode.Scalar(value + 0x20)
    case 0x00...0x7F: return scalar
    case 0xC0...0xD6, 0xD8...0xDE: return Unicode.Scalar(value + 0x20)
    case 0xD7, 0xDF...0xFF: return scalar
    // Japanese punctuation and brackets with no decomposition.
    case 0x3001...0x3003, 0x3005...0x3007, 0x3008...0x3011, 0x3013...0x301B: return scalar
    case 0x3041...0x3096, 0x309D...0x309E: return scalar
    case 0x30A1...0x30FE: return scalar
    case 0x3400...0x4DBF, 0x4E00...0x9FFF: return scalar
    // Ideographic space and full-width ASCII: compatibility mappings to ASCII.
    case 0x3000: return " "
    case 0xFF21...0xFF3A: return Unicode.Scalar(value - 0xFEE0 + 0x20)
    case 0xFF01...0xFF5E: return Unicode.Scalar(value - 0xFEE0)
    default: return nil
    }
  }

  /// Katakana folded to hiragana, the last step of the normalisation.
  @inline(__always)
  static func folded(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
    switch scalar.value {
    case 0x30A1...0x30F6, 0x30FD...0x30FE: Unicode.Scalar(scalar.value - 0x60) ?? scalar
    default: scalar
    }
  }

  static func forEach<Sink: ScalarSink>(in text: String, into sink: inout Sink) {
    // The last fast scalar and its mapping, held back in case the next scalar is slow and may
    // compose with it.
    var held: (scalar: Unicode.Scalar, mapped: Unicode.Scalar)?
    var slow = String.UnicodeScalarView()
    func flushSlow() {
      let normalized = String(slow).precomposedStringWithCompatibilityMapping.lowercased()
      for scalar in normalized.unicodeScalars { sink.accept(folded(scalar)) }
      slow.removeAll(keepingCapacity: true)
    }
    for scalar in text.unicodeScalars {
      if let mapped = fastMapping(scalar) {
        if !slow.isEmpty {
          flushSlow()
        } else if let previous = held {
          sink.accept(folded(previous.mapped))
        }
        held = (scalar, mapped)
      } else {
        if let previous = held { slow.append(previous.scalar) }
        held = nil
        slow.append(scalar)
      }
    }
    if !slow.isEmpty {
      flushSlow()
    } else if let previous = held {
      sink.accept(folded(previous.mapped))
    }
  }
}
