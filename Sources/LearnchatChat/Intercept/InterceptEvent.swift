import LearnchatDemos
import LearnchatWire

/// What the relay reports as it works, for the command line to print: a line, or bytes it read
/// or wrote, with their fields labelled.
public enum InterceptEvent: Sendable {
  /// One line: `[relay #1] ...`.
  case line(String)
  /// Bytes that crossed one of the relay's sockets: `title` says which way and what the relay
  /// did with them.
  case unit(title: String, bytes: [UInt8], fields: [FrameField])
}
