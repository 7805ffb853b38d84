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

/// One demo's message layer under the chat: demo 1's raw bytes or demo 2's sealed frames.
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

/// Demo 1: text as raw UTF-8 bytes, whatever one read returns taken as one message.
public struct PlaintextTransport: ChatTransport {
  let peer: PlaintextPeer

  /// A transport over `peer`.
  public init(peer: PlaintextPeer) {
    self.peer = peer
  }

  public var demo: ChatDemo { .demo1 }

  public func send(_ text: String) throws -> WireEvent {
    let bytes = try peer.send(text)
    return WireEvent(
      direction: .sent, title: "message (raw bytes, no framing)", bytes: bytes, fields: [])
  }

  public func receive() throws -> ChatIncoming? {
    guard let bytes = try peer.receive() else { return nil }
    let wire = WireEvent(
      direction: .received, title: "one read (up to 4096 bytes)", bytes: bytes, fields: [])
    return ChatIncoming(wire: wire, content: ChatIncoming.decoding(bytes))
  }

  public func close() { peer.connection.close() }
}

/// Demo 2: AES-256-GCM sealed messages in length-prefixed frames.
public struct SecureTransport: ChatTransport {
  let channel: SecureChannel

  /// A transport over `channel`.
  public init(channel: SecureChannel) {
    self.channel = channel
  }

  public var demo: ChatDemo { .demo2 }

  public func send(_ text: String) throws -> WireEvent {
    let sent = try channel.send(text)
    return WireEvent(
      direction: .sent, title: "message frame", bytes: sent.frame,
      fields: FrameLayout.messageFrame(bodyCount: sent.frame.count - FrameDecoder.headerSize))
  }

  public func receive() throws -> ChatIncoming? {
    guard let received = try channel.receive() else { return nil }
    let wire = WireEvent(
      direction: .received, title: "message frame", bytes: received.frame,
      fields: FrameLayout.messageFrame(bodyCount: received.frame.count - FrameDecoder.headerSize))
    switch received.plaintext {
    case .success(let bytes):
      return ChatIncoming(wire: wire, content: ChatIncoming.decoding(bytes))
    case .failure(let error):
      // A server that turned this chat away after its handshake says so in clear.
      if let notice = ChatNotice.text(in: received.body) {
        return ChatIncoming(wire: wire, content: .notice(Self.unauthenticated(notice)))
      }
      return ChatIncoming(wire: wire, content: .undecryptable(reason: "\(error)"))
    }
  }

  public func close() { channel.framed.close() }

  /// A notice as it is shown: it came in clear, so nothing vouches for it.
  static func unauthenticated(_ notice: String) -> String {
    "The server said, in clear (not authenticated): "
      + notice.dropFirst(ChatNotice.marker.count)
  }
}

extension ChatIncoming {
  /// Text for the console from a peer's bytes: escaped, and flagged when not UTF-8.
  static func decoding(_ bytes: [UInt8]) -> Content {
    let shown = ChatText.displayable(bytes)
    return String(validating: bytes, as: UTF8.self) == nil ? .invalidText(shown) : .text(shown)
  }
}
