import LearnchatCrypto

/// Reproducible choices (which words, which frame, how many) from a seed: SHA-256 of the seed
/// and a counter, read as numbers. Not for secrets, only for picking material.
public struct SeededChoices: Sendable {
  private let seed: [UInt8]
  private var counter: UInt64 = 0
  private var pool: [UInt8] = []

  /// Choices drawn from `seed`.
  public init(seed: String) {
    self.seed = Array(seed.utf8)
  }

  /// The next 8 bytes of the stream as a number.
  private mutating func next() -> UInt64 {
    if pool.count < 8 {
      let block = seed + (0..<8).map { UInt8(truncatingIfNeeded: counter >> (8 * $0)) }
      counter += 1
      // SHA-256 over our own short input cannot fail short of memory exhaustion.
      pool +=
        (try? SHA256.hash(block)) ?? Array(repeating: UInt8(truncatingIfNeeded: counter), count: 32)
    }
    let bytes = pool.prefix(8)
    pool.removeFirst(8)
    return bytes.reduce(0) { $0 << 8 | UInt64($1) }
  }

  /// A number in `range`.
  public mutating func number(in range: ClosedRange<Int>) -> Int {
    let span = UInt64(range.upperBound - range.lowerBound) + 1
    return range.lowerBound + Int(next() % span)
  }

  /// One element of `items`, which must not be empty.
  public mutating func pick<T>(_ items: [T]) -> T {
    items[number(in: 0...(items.count - 1))]
  }

  /// `count` different elements of `items`, in a random order.
  public mutating func pick<T>(_ count: Int, of items: [T]) -> [T] {
    var rest = items
    var picked: [T] = []
    for _ in 0..<min(count, items.count) {
      picked.append(rest.remove(at: number(in: 0...(rest.count - 1))))
    }
    return picked
  }
}
