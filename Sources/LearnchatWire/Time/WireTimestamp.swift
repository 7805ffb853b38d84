/// A moment on the wire, in nanoseconds since 1970-01-01 00:00:00 UTC.
///
/// Nanoseconds because that is what `clock_gettime` gives and what a pcapng file can carry; a
/// plain integer so that captures made with a fixed-step clock compare exactly in tests.
public struct WireTimestamp: Hashable, Comparable, Sendable, CustomStringConvertible {
  /// Nanoseconds since the Unix epoch; may be negative only if a caller makes it so.
  public var nanosecondsSince1970: Int64

  /// The moment `nanosecondsSince1970` nanoseconds after the epoch.
  public init(nanosecondsSince1970: Int64) {
    self.nanosecondsSince1970 = nanosecondsSince1970
  }

  /// The moment `seconds` whole seconds after the epoch.
  public init(secondsSince1970 seconds: Int64) {
    self.init(nanosecondsSince1970: seconds &* 1_000_000_000)
  }

  /// This moment moved by `nanoseconds` (negative moves it back); saturates instead of trapping.
  public func adding(nanoseconds: Int64) -> WireTimestamp {
    let (sum, overflow) = nanosecondsSince1970.addingReportingOverflow(nanoseconds)
    guard !overflow else {
      return WireTimestamp(nanosecondsSince1970: nanoseconds > 0 ? .max : .min)
    }
    return WireTimestamp(nanosecondsSince1970: sum)
  }

  /// `seconds.nanoseconds`, such as `1700000000.000000123`.
  public var description: String {
    let seconds = nanosecondsSince1970.quotientAndRemainder(dividingBy: 1_000_000_000)
    let fraction = String(seconds.remainder.magnitude)
    let sign = nanosecondsSince1970 < 0 && seconds.quotient == 0 ? "-" : ""
    return "\(sign)\(seconds.quotient)." + String(repeating: "0", count: 9 - fraction.count)
      + fraction
  }

  public static func < (lhs: WireTimestamp, rhs: WireTimestamp) -> Bool {
    lhs.nanosecondsSince1970 < rhs.nanosecondsSince1970
  }
}
