/// Everything that can go wrong on the wire that is not a bare `errno` (see ``SystemError``).
///
/// Each case's description is one clear line for a command line to print.
public enum WireError: Error, Equatable, Sendable, CustomStringConvertible {
  /// A frame header announced a body longer than the receiver accepts.
  ///
  /// Raised as soon as the 4 header bytes are in, before any memory is set aside for the body.
  case frameTooLarge(length: Int, limit: Int)
  /// The stream ended part way through a frame; both counts include the 4 header bytes.
  ///
  /// When the header itself is incomplete, `expected` is 4.
  case truncatedFrame(received: Int, expected: Int)
  /// A body was too long to send: longer than 4 bytes of length can say, or than the set limit.
  case bodyTooLargeToEncode(length: Int, limit: Int)
  /// The peer closed the connection before `count` bytes that were needed had arrived.
  case connectionClosed(afterReceiving: Int, of: Int)
  /// A blocking operation gave up because its timeout passed (the call failed with `EAGAIN`).
  case timedOut(operation: String)
  /// A host name could not be turned into addresses; `message` is the resolver's text.
  case addressResolution(host: String, message: String)
  /// The socket was used after ``TCPConnection/close()`` or ``TCPListener/close()``.
  case socketClosed(operation: String)

  /// One line saying what went wrong, with the numbers that matter.
  public var description: String {
    switch self {
    case .frameTooLarge(let length, let limit):
      return "frame too large (\(length) bytes, limit \(limit))"
    case .truncatedFrame(let received, let expected):
      return "stream ended inside a frame (got \(received) of \(expected) bytes)"
    case .bodyTooLargeToEncode(let length, let limit):
      return "frame body too large to send (\(length) bytes, limit \(limit))"
    case .connectionClosed(let received, let count):
      return "connection closed after \(received) of \(count) bytes"
    case .timedOut(let operation):
      return "\(operation): timed out"
    case .addressResolution(let host, let message):
      return "cannot resolve \"\(host)\": \(message)"
    case .socketClosed(let operation):
      return "\(operation): socket already closed"
    }
  }
}
