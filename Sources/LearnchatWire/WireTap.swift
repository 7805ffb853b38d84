import Synchronization

/// Records every byte a connection writes and reads, in order, one record per system call.
///
/// One record per call (not per message) is the point: when two quick sends arrive in one read,
/// the tap shows one `.received` record holding both, which is what demo 1 teaches. Hex dumps are
/// made from these records, so what is shown is what crossed the socket. Each record carries the
/// time its call returned, and the tap notes when its connection opened and closed, which is
/// what a capture file (``CaptureConnection``) needs besides the bytes.
public final class WireTap: Sendable {
  private struct State {
    var records: [WireRecord] = []
    var history: [WireRecord] = []
    var nextIndex = 0
    var openedAt: WireTimestamp?
    var closedAt: WireTimestamp?
    var endOfStreamAt: WireTimestamp?
  }

  /// Where the records' timestamps come from.
  public let clock: any WireClock
  /// Whether ``history`` keeps every record, including those ``drain()`` and ``clear()`` took.
  public let keepsHistory: Bool
  /// Where indexes come from when the tap shares a timeline with others.
  private let sequence: WireTapSequence?
  /// Another tap that gets every record too (see `init`).
  private let forward: WireTap?

  // Sendable because the records are only touched under this Mutex: the chat's receive thread
  // and its sending thread record into the same tap.
  private let state = Mutex(State())

  /// An empty tap on the system clock, keeping no history.
  // Its own initializer, not only the defaults below: code compiled before taps had clocks calls
  // `init()` by that name, and an incremental build does not always recompile it.
  public convenience init() {
    self.init(clock: SystemWireClock())
  }

  /// An empty tap, timing its records by `clock`.
  ///
  /// - Parameters:
  ///   - keepsHistory: keep a second list of every record that ``drain()`` and ``clear()`` do
  ///     not touch, for a capture file written at the end of a run whose records were taken
  ///     stage by stage. The bytes are shared between the two lists, not copied.
  ///   - sequence: number the records from this counter, shared with other taps, so that the
  ///     records of several taps sort into one timeline; by default the tap counts its own.
  ///   - forward: a tap that records everything this one does as well: a connection of its own
  ///     for a capture file, feeding a tap that several connections share (a walkthrough's
  ///     taps by role).
  public init(
    clock: any WireClock = SystemWireClock(), keepsHistory: Bool = false,
    sequence: WireTapSequence? = nil, forward: WireTap? = nil
  ) {
    self.clock = clock
    self.keepsHistory = keepsHistory
    self.sequence = sequence
    self.forward = forward
  }

  /// Appends a record with the next index, timed now.
  public func record(_ direction: WireRecord.Direction, _ bytes: [UInt8]) {
    state.withLock { state in
      // The clock is read under the lock, so that timestamps rise with the indexes even when
      // two threads record at once.
      let record = WireRecord(
        index: sequence?.tick() ?? state.nextIndex, direction: direction, bytes: bytes,
        timestamp: clock.now())
      state.records.append(record)
      if keepsHistory { state.history.append(record) }
      state.nextIndex += 1
    }
    forward?.record(direction, bytes)
  }

  /// Notes that the tapped connection is open (connect or accept returned, or the tap was
  /// attached); only the first call counts. ``TCPConnection`` calls it.
  public func recordOpened() {
    state.withLock { state in
      if state.openedAt == nil { state.openedAt = clock.now() }
    }
  }

  /// Notes that this end closed the connection, or its writing half (either sends a FIN); only
  /// the first call counts. ``TCPConnection/close()`` and ``TCPConnection/shutdown(_:)`` call it.
  public func recordClosed() {
    state.withLock { state in
      if state.closedAt == nil { state.closedAt = clock.now() }
    }
  }

  /// Notes that a read returned end of stream: the peer closed its side. Only the first counts.
  public func recordEndOfStream() {
    state.withLock { state in
      if state.endOfStreamAt == nil { state.endOfStreamAt = clock.now() }
    }
  }

  /// All records kept so far, oldest first.
  public var records: [WireRecord] { state.withLock { $0.records } }

  /// Every record since the tap was made, drained or not, oldest first; empty unless the tap was
  /// made with `keepsHistory: true`.
  public var history: [WireRecord] { state.withLock { $0.history } }

  /// When the tapped connection opened, if the tap was told (see ``recordOpened()``).
  public var openedAt: WireTimestamp? { state.withLock { $0.openedAt } }

  /// When this end closed the connection (or its writing half), if it has.
  public var closedAt: WireTimestamp? { state.withLock { $0.closedAt } }

  /// When a read first returned end of stream (the peer closed), if one has.
  public var endOfStreamAt: WireTimestamp? { state.withLock { $0.endOfStreamAt } }

  /// Every byte sent, in order, as one array.
  public var sentBytes: [UInt8] { bytes(.sent) }

  /// Every byte received, in order, as one array.
  public var receivedBytes: [UInt8] { bytes(.received) }

  /// Returns the kept records and forgets them; later records continue the index sequence.
  ///
  /// ``history`` is not affected.
  public func drain() -> [WireRecord] {
    state.withLock { state in
      let taken = state.records
      state.records = []
      return taken
    }
  }

  /// Forgets the kept records; later records continue the index sequence. ``history`` stays.
  public func clear() {
    state.withLock { $0.records = [] }
  }

  private func bytes(_ direction: WireRecord.Direction) -> [UInt8] {
    records.filter { $0.direction == direction }.flatMap(\.bytes)
  }
}
