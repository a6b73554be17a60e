import Mustache

/// A view-model object for templates: names and their values, as `[String: Any]` holds them, kept
/// in one short array and found by comparing a fingerprint of the name. A page's objects hold a
/// few dozen names at most, and a compiled template knows each name's fingerprint before it
/// renders, so a lookup is a scan of integers instead of a hash of the name in every object on
/// the context stack: at 1,000 entries, hashing names for `[String: Any]` contexts cost ~4 % of a
/// build's instructions. swift-mustache reads it as a `MustacheParent`.
struct Fields: ExpressibleByDictionaryLiteral, MustacheParent {
  typealias Key = String
  typealias Value = Any
  /// A name with its fingerprint, made once for each name a template uses.
  struct Name: Equatable, Sendable {
    let name: String
    let fingerprint: UInt64

    init(_ name: String) {
      self.init(name: name, fingerprint: Self.fingerprint(of: name))
    }

    /// A name with the fingerprint given (tests use it to make two names share one).
    init(name: String, fingerprint: UInt64) {
      self.name = name
      self.fingerprint = fingerprint
    }

    /// FNV-1a over the UTF-8 bytes: equal names give equal fingerprints; the rare different names
    /// with the same one are told apart by comparing the names.
    static func fingerprint(of name: String) -> UInt64 {
      name.utf8.withContiguousStorageIfAvailable(fingerprint(of:)) ?? fingerprint(of: name.utf8)
    }

    private static func fingerprint(of bytes: some Sequence<UInt8>) -> UInt64 {
      var hash: UInt64 = 0xcbf2_9ce4_8422_2325
      for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
      return hash
    }
  }

  private struct Entry {
    var fingerprint: UInt64
    var name: String
    var value: Any
  }

  private var entries: [Entry] = []

  init() {}

  /// Names given twice keep the last value (a dictionary literal would stop the program).
  init(dictionaryLiteral elements: (String, Any)...) {
    self.init(elements)
  }

  /// The names and values in order, as a literal gives them.
  init(_ elements: [(String, Any)]) {
    entries.reserveCapacity(elements.count)
    for (name, value) in elements {
      let key = Name(name)
      if let index = position(of: key) {
        entries[index].value = value
      } else {
        entries.append(Entry(fingerprint: key.fingerprint, name: name, value: value))
      }
    }
  }

  var isEmpty: Bool { entries.isEmpty }

  subscript(name: String) -> Any? {
    get { value(for: Name(name)) }
    set {
      let key = Name(name)
      switch (position(of: key), newValue) {
      case (let index?, let value?): entries[index].value = value
      case (let index?, nil): entries.remove(at: index)
      case (nil, let value?): entries.append(Entry(fingerprint: key.fingerprint, name: name, value: value))
      case (nil, nil): break
      }
    }
  }

  func value(for key: Name) -> Any? {
    position(of: key).map { entries[$0].value }
  }

  func child(named name: String) -> Any? {
    self[name]
  }

  private func position(of key: Name) -> Int? {
    entries.withUnsafeBufferPointer { entries in
      for index in entries.indices
      where entries[index].fingerprint == key.fingerprint && entries[index].name == key.name {
        return index
      }
      return nil
    }
  }
}
