import Synchronization

/// Records every byte a connection writes and reads, in order, one record per system call.
///
/// One record per call (not per message) is the point: when two quick sends arrive in one read,
/// the tap shows one `.received` record holding both, which is what demo 1 teaches. Hex dumps are
/// made from these records, so what is shown is what crossed the socket.
public final class WireTap: Sendable {
  private struct State {
    var records: [WireRecord] = []
    var nextIndex = 0
  }

  // Sendable because the records are only touched under this Mutex: the chat's receive thread
  // and its sending thread record into the same tap.
  private let state = Mutex(State())
  /// Where indexes come from when the tap shares a timeline with others.
  private let clock: WireTapClock?

  /// An empty tap, numbering its records 0, 1, 2, ...
  public init() {
    clock = nil
  }

  /// An empty tap whose records take their indexes from `clock`, shared with other taps.
  public init(clock: WireTapClock) {
    self.clock = clock
  }

  /// Appends a record with the next index.
  public func record(_ direction: WireRecord.Direction, _ bytes: [UInt8]) {
    state.withLock { state in
      // Ticked under the lock, so this tap's own records keep their order too.
      let index = clock?.tick() ?? state.nextIndex
      state.records.append(WireRecord(index: index, direction: direction, bytes: bytes))
      state.nextIndex += 1
    }
  }

  /// All records kept so far, oldest first.
  public var records: [WireRecord] { state.withLock { $0.records } }

  /// Every byte sent, in order, as one array.
  public var sentBytes: [UInt8] { bytes(.sent) }

  /// Every byte received, in order, as one array.
  public var receivedBytes: [UInt8] { bytes(.received) }

  /// Returns the kept records and forgets them; later records continue the index sequence.
  public func drain() -> [WireRecord] {
    state.withLock { state in
      let taken = state.records
      state.records = []
      return taken
    }
  }

  /// Forgets the kept records; later records continue the index sequence.
  public func clear() {
    state.withLock { $0.records = [] }
  }

  private func bytes(_ direction: WireRecord.Direction) -> [UInt8] {
    records.filter { $0.direction == direction }.flatMap(\.bytes)
  }
}
