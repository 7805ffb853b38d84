import Synchronization

/// A clock that starts at a chosen moment and moves on by a fixed step each time it is read.
///
/// The first reading is `start`, then `start + step`, and so on: the same run gives the same
/// timestamps, so a `--seed` walkthrough writes a byte-identical capture and tests can predict
/// every time in it.
public final class SteppingWireClock: WireClock {
  private let start: WireTimestamp
  private let step: Int64
  // Sendable: the count of readings is only touched under this Mutex (a chat's two threads share
  // one tap, so two readings can race).
  private let readings = Mutex<Int64>(0)

  /// A clock reading `start` first and `stepNanoseconds` later at each further reading.
  public init(start: WireTimestamp, stepNanoseconds: Int64) {
    self.start = start
    self.step = stepNanoseconds
  }

  public func now() -> WireTimestamp {
    let count = readings.withLock { count in
      defer { count += 1 }
      return count
    }
    let (offset, overflow) = count.multipliedReportingOverflow(by: step)
    guard !overflow else { return WireTimestamp(nanosecondsSince1970: step > 0 ? .max : .min) }
    return start.adding(nanoseconds: offset)
  }
}
