/// What a connection's tap recorded in one direction since the last look: how a handshake's
/// frames are shown from the bytes that crossed the socket, never from a second encoding.
///
/// A connection with no tap gets one for as long as the cursor is in use (``release()`` takes
/// it off again, so a long chat is not kept in memory); a tap already there (a capture's) is
/// read and left in place.
public struct TapCursor {
  private let connection: TCPConnection
  private let tap: WireTap
  private let ownsTap: Bool
  private var sentTaken: Int
  private var receivedTaken: Int

  /// A cursor on `connection`'s tap, from now on.
  public init(_ connection: TCPConnection) {
    self.connection = connection
    if let existing = connection.tap {
      tap = existing
      ownsTap = false
    } else {
      tap = WireTap()
      ownsTap = true
      connection.tap = tap
    }
    sentTaken = tap.sentBytes.count
    receivedTaken = tap.receivedBytes.count
  }

  /// The bytes that went `direction` since the last call for that direction.
  public mutating func take(_ direction: WireRecord.Direction) -> [UInt8] {
    switch direction {
    case .sent:
      let all = tap.sentBytes
      defer { sentTaken = all.count }
      return Array(all.dropFirst(sentTaken))
    case .received:
      let all = tap.receivedBytes
      defer { receivedTaken = all.count }
      return Array(all.dropFirst(receivedTaken))
    }
  }

  /// Takes off the tap this cursor put on, if it put one on.
  public func release() {
    if ownsTap { connection.tap = nil }
  }
}
