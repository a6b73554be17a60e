import Load

extension Array where Element: Sendable {
  /// Maps on every core; the result keeps the input's order, so output does not depend on
  /// scheduling.
  func parallelMap<Result: Sendable>(_ transform: @escaping @Sendable (Element) -> Result) -> [Result] {
    OrderedParallel.map(self, transform)
  }
}
