/// One measured figure: the median of several timed runs, with their spread.
public struct BenchFigure: Sendable, Codable, Equatable {
  /// A stable key for scripts, such as `gcm_seal_64`.
  public let key: String
  /// What was measured, for the table.
  public let name: String
  /// The unit of `median`, `minimum` and `maximum`: `ms`, `µs`, `ops/s`, `MB/s`.
  public let unit: String
  /// The median over the runs.
  public let median: Double
  /// The lowest run.
  public let minimum: Double
  /// The highest run.
  public let maximum: Double
  /// How many timed runs (after a warm-up run).
  public let runs: Int

  /// A figure from per-run values.
  init(key: String, name: String, unit: String, values: [Double]) {
    let sorted = values.sorted()
    self.key = key
    self.name = name
    self.unit = unit
    self.runs = sorted.count
    self.minimum = sorted.first ?? 0
    self.maximum = sorted.last ?? 0
    let middle = sorted.count / 2
    self.median =
      sorted.isEmpty
      ? 0 : sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
  }
}

/// Runs `body` once to warm up, then `runs` times, and collects what each run returns.
func measure(runs: Int, _ body: () throws -> Double) rethrows -> [Double] {
  _ = try body()
  return try (0..<runs).map { _ in try body() }
}
