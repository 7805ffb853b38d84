import Glibc
import LearnchatDemos
import LearnchatWire

/// One line for a connection that could not be made or a port that could not be listened on,
/// naming the address and suggesting what to check: `connect to 127.0.0.1:5002: connection
/// refused (is learnchat serve running there?)`.
public enum NetworkErrorText {
  /// What to say when `connect` to `host`:`port` failed with `error`.
  public static func connecting(to host: String, port: UInt16, _ error: any Error) -> String {
    let place = "connect to \(SocketAddress(host: host, port: port))"
    switch error {
    case WireError.addressResolution(_, let message):
      return "\(place): cannot resolve the name (\(lowercased(message))); check the spelling"
    case let error as SystemError:
      let hint: String
      switch error.errno {
      case ECONNREFUSED: hint = "is learnchat serve running there, on that port?"
      case ETIMEDOUT, EHOSTUNREACH, ENETUNREACH, EHOSTDOWN:
        hint = "is the address right, and the machine on and reachable?"
      default: hint = ""
      }
      return "\(place): \(lowercased(error.message))" + (hint.isEmpty ? "" : " (\(hint))")
    default:
      return "\(place): \(error)"
    }
  }

  /// What to say when listening on `host`:`port` failed with `error`.
  public static func listening(on host: String, port: UInt16, _ error: any Error) -> String {
    let place = "listen on \(SocketAddress(host: host, port: port))"
    switch error {
    case WireError.addressResolution(_, let message):
      return "\(place): cannot resolve the address (\(lowercased(message)))"
    case let error as SystemError:
      let hint: String
      switch error.errno {
      case EADDRINUSE: hint = "another server? try --port 0 for any free port"
      case EACCES: hint = "ports below 1024 need root; the demos use 5002"
      case EADDRNOTAVAIL: hint = "is \(host) an address of this machine? 0.0.0.0 means all of them"
      default: hint = ""
      }
      return "\(place): \(lowercased(error.message))" + (hint.isEmpty ? "" : " (\(hint))")
    default:
      return "\(place): \(error)"
    }
  }

  /// The system's message with a lower-case first letter, as it reads inside a sentence.
  static func lowercased(_ message: String) -> String {
    guard let first = message.first else { return message }
    return first.lowercased() + message.dropFirst()
  }
}
