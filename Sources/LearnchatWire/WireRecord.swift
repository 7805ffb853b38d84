/// One successful `send` or `recv` on a tapped connection: which way, the exact bytes, and when.
public struct WireRecord: Equatable, Sendable {
  /// Which way the bytes went, seen from the tapped connection.
  public enum Direction: Equatable, Sendable {
    /// Written by this end.
    case sent
    /// Read by this end.
    case received
  }

  /// Position in the tap's history; increases with every record and never restarts, even after
  /// ``WireTap/drain()``, so records taken stage by stage still sort into one timeline. Taps
  /// sharing a ``WireTapSequence`` number their records on one timeline together.
  public let index: Int
  /// Which way the bytes went.
  public let direction: Direction
  /// The bytes that one system call moved.
  public let bytes: [UInt8]
  /// When the call returned, by the tap's clock: a capture file shows the segment at this time.
  public let timestamp: WireTimestamp

  /// A record; normally made by ``WireTap/record(_:_:)``.
  public init(index: Int, direction: Direction, bytes: [UInt8], timestamp: WireTimestamp) {
    self.index = index
    self.direction = direction
    self.bytes = bytes
    self.timestamp = timestamp
  }
}
