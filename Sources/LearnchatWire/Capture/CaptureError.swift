/// What can stop a capture file from being made or written.
///
/// Each case's description is one line naming what failed, for a command line to print.
public enum CaptureError: Error, Equatable, Sendable, CustomStringConvertible {
  /// An address that is not a numeric IPv4 or IPv6 address cannot go into an IP header.
  case unsupportedAddress(String)
  /// The file could not be created or written; `message` is the system's reason.
  case cannotWrite(path: String, message: String)

  /// One line saying what went wrong.
  public var description: String {
    switch self {
    case .unsupportedAddress(let host):
      return "cannot capture a connection with address \"\(host)\": not a numeric IP address"
    case .cannotWrite(let path, let message):
      return "cannot write capture file \(path): \(message)"
    }
  }
}
