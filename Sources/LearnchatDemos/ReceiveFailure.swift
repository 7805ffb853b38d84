import LearnchatWire

/// How a failure of a chat's receiving side reads on a console: the real chat's, the lessons'
/// and the exercises' peers all print it the same way.
public enum ReceiveFailure {
  /// One line for `error`: an oversize or truncated frame, a reset, a demo-3 message that
  /// failed authentication.
  public static func describe(_ error: any Error) -> String {
    // The protocol's own errors already say what went wrong, and that the connection closes.
    if let error = error as? Demo3.ProtocolError { return error.description }
    switch error as? WireError {
    case .frameTooLarge(let length, let limit):
      return "frame of \(length) bytes exceeds the \(limit)-byte limit; closing the connection"
    case .truncatedFrame(let received, let expected):
      return
        "the peer closed the connection in the middle of a frame (got \(received) of \(expected) bytes)"
    default:
      return "connection failed: \(error)"
    }
  }
}
