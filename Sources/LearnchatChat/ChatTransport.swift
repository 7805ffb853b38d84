import LearnchatDemos
import LearnchatWire

/// Bytes that crossed the socket, for `--show-wire`.
public struct WireEvent: Sendable {
  /// Which way the bytes went.
  public enum Direction: String, Sendable {
    case sent
    case received
  }

  /// Which way.
  public let direction: Direction
  /// What they are, such as "message frame".
  public let title: String
  /// The bytes, length prefix included for frames.
  public let bytes: [UInt8]
  /// Their fields.
  public let fields: [FrameField]
}

/// What arrived from the peer.
public struct ChatIncoming: Sendable {
  /// What a received unit held.
  public enum Content: Sendable {
    /// Text, control characters escaped for the console.
    case text(String)
    /// Bytes that are not valid UTF-8, shown with replacement characters.
    case invalidText(String)
    /// A body that did not open; `reason` says why.
    case undecryptable(reason: String)
    /// A learnchat server's notice (busy with another chat), in plain text: the chat ends.
    case notice(String)
  }

  /// The bytes as they crossed the socket.
  public let wire: WireEvent
  /// What they held.
  public let content: Content
}

/// One demo's message layer under the chat: demo 1's raw bytes, demo 2's or demo 3's sealed
/// frames.
public protocol ChatTransport: Sendable {
  /// The demo it speaks: 1, 2 or 3.
  var demo: ChatDemo { get }
  /// Sends `text`; returns what went on the wire.
  func send(_ text: String) throws -> WireEvent
  /// Waits for the next message; nil when the peer closed.
  func receive() throws -> ChatIncoming?
  /// Closes the connection, waking a blocked `receive`.
  func close()
}

extension ChatIncoming {
  /// Text for the console from a peer's bytes: escaped, and flagged when not UTF-8.
  static func decoding(_ bytes: [UInt8]) -> Content {
    let shown = ChatText.displayable(bytes)
    return String(validating: bytes, as: UTF8.self) == nil ? .invalidText(shown) : .text(shown)
  }
}

extension WireEvent {
  /// A message frame as it crossed the socket, its fields named by the demo's `layout`.
  static func messageFrame(
    _ direction: Direction, _ frame: [UInt8], layout: (_ bodyCount: Int) -> [FrameField]
  ) -> WireEvent {
    WireEvent(
      direction: direction, title: "message frame", bytes: frame,
      fields: layout(frame.count - FrameDecoder.headerSize))
  }
}
