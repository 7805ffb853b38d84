/// A one-word command the instructor types while the relay runs (on a terminal only).
public enum RelayCommand: Equatable, Sendable {
  /// Send the last client message to the server again.
  case replay
  /// Flip a bit in the next client message.
  case flip
  /// Drop the next client message.
  case drop
  /// Send the last client message back to the client.
  case reflect
  /// Demo 2 with `mitm`: seal `text` with the stolen key and send it to the server.
  case say(String)
  /// List the commands.
  case help

  /// The command typed on `line`, or nil (with what went wrong) when there is none.
  public static func parse(_ line: String) -> Result<RelayCommand, RelayCommandError> {
    let trimmed = line.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: true)
    guard let word = trimmed.first?.lowercased() else { return .failure(.empty) }
    switch word {
    case "replay": return .success(.replay)
    case "flip": return .success(.flip)
    case "drop": return .success(.drop)
    case "reflect": return .success(.reflect)
    case "help", "?": return .success(.help)
    case "say":
      guard trimmed.count == 2 else { return .failure(.sayWithoutText) }
      return .success(.say(String(trimmed[1])))
    default: return .failure(.unknown(word))
    }
  }

  /// The help text.
  public static let helpLines = [
    "replay      send the last client message to the server again",
    "flip        flip a bit in the next client message",
    "drop        drop the next client message",
    "reflect     send the last client message back to the client",
    "say TEXT    (demo 2, --attack mitm) seal TEXT with the stolen key and send it to the server",
    "help        these commands",
  ]
}

/// A line that is not a relay command.
public enum RelayCommandError: Error, Equatable, CustomStringConvertible {
  case empty
  case unknown(String)
  case sayWithoutText

  public var description: String {
    switch self {
    case .empty: return "type a command (help lists them)"
    case .unknown(let word): return "no command \"\(word)\"; help lists them"
    case .sayWithoutText: return "say needs the text to send: say TEXT"
    }
  }
}
