import Glibc

/// Where a ``WireTap`` gets the time of each record.
///
/// Injected so that tests and `--seed` runs can use a ``SteppingWireClock`` and write the same
/// capture file every time, while a real chat uses ``SystemWireClock``.
public protocol WireClock: Sendable {
  /// The current moment; called once per record, under the tap's lock.
  func now() -> WireTimestamp
}

/// The system's wall clock (`CLOCK_REALTIME`), as a capture file's reader expects.
///
/// Wall time, not a monotonic clock: Wireshark shows a packet's time as a date, and a monotonic
/// clock counts from boot. A capture file's writer copes with the rare step backwards.
public struct SystemWireClock: WireClock {
  /// The system clock.
  public init() {}

  public func now() -> WireTimestamp {
    var time = timespec()
    // CLOCK_REALTIME always exists, so this cannot fail; a zeroed time would still be harmless.
    _ = clock_gettime(CLOCK_REALTIME, &time)
    return WireTimestamp(
      nanosecondsSince1970: Int64(time.tv_sec) &* 1_000_000_000 &+ Int64(time.tv_nsec))
  }
}
