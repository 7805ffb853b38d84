import Synchronization

/// The connections of a run that go into one capture file (`--pcap FILE`), collected as they
/// are made and written out whole whenever asked, so the file is usable even if the run is
/// stopped later.
///
/// Bounded: past `byteLimit` bytes recorded, or `connectionLimit` connections, new connections
/// are not recorded (a server under a flood of connections must not keep them all), and
/// `isTruncated` says so.
public final class CaptureLog: Sendable {
  private struct Entry {
    let connection: TCPConnection
    let tap: WireTap
    let end: CaptureConnection.TappedEnd
  }

  /// Where the capture goes.
  public let path: String
  private let clock: any WireClock
  private let entries = Mutex<[Entry]>([])
  private let truncated = Mutex(false)

  /// At most this many connections are recorded.
  public static let connectionLimit = 1000
  /// Recording stops for new connections once the recorded bytes pass this.
  public static let byteLimit = 64 << 20

  /// A log writing to `path`, timing records with `clock`.
  public init(path: String, clock: any WireClock = SystemWireClock()) {
    self.path = path
    self.clock = clock
  }

  /// A tap for a connection about to be made or accepted (also recording into `forward`, when
  /// given), or nil once the log is full.
  public func newTap(forwardingTo forward: WireTap? = nil) -> WireTap? {
    let full = entries.withLock { entries in
      entries.count >= Self.connectionLimit
        || entries.reduce(0) { $0 + $1.tap.history.reduce(0) { $0 + $1.bytes.count } }
          > Self.byteLimit
    }
    if full {
      truncated.withLock { $0 = true }
      return nil
    }
    return WireTap(clock: clock, keepsHistory: true, forward: forward)
  }

  /// Records `connection`, tapped from its first byte by `tap` (from `newTap`), as seen from
  /// its `end`.
  public func add(_ connection: TCPConnection, tap: WireTap?, end: CaptureConnection.TappedEnd) {
    guard let tap else { return }
    entries.withLock { $0.append(Entry(connection: connection, tap: tap, end: end)) }
  }

  /// Whether connections were left out because the log was full.
  public var isTruncated: Bool { truncated.withLock { $0 } }

  /// Writes every connection recorded so far, as far as each has got.
  public func write() throws(CaptureError) {
    let connections = entries.withLock { $0 }.compactMap { entry in
      try? CaptureConnection(connection: entry.connection, tap: entry.tap, tappedEnd: entry.end)
    }
    try CaptureFile.write(connections, to: path)
  }
}
