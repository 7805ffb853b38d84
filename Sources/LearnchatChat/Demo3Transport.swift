import LearnchatCrypto
import LearnchatDemos
import LearnchatWire

/// Demo 3: sealed messages with counted nonces, one key per direction.
///
/// A frame that fails authentication ends the session: `receive` throws
/// `Demo3.ProtocolError.messageRejected`, because after it the two ends no longer agree on what was said.
public struct Demo3Transport: ChatTransport {
  let channel: Demo3.Channel

  /// A transport over `channel`.
  public init(channel: Demo3.Channel) {
    self.channel = channel
  }

  public var demo: ChatDemo { .demo3 }

  public func send(_ text: String) throws -> WireEvent {
    let sent = try channel.send(text)
    return .messageFrame(.sent, sent.frame, layout: Demo3.FrameLayout.messageFrame)
  }

  public func receive() throws -> ChatIncoming? {
    guard let received = try channel.receive() else { return nil }
    let wire = WireEvent.messageFrame(
      .received, received.frame, layout: Demo3.FrameLayout.messageFrame)
    return ChatIncoming(wire: wire, content: ChatIncoming.decoding(received.plaintext))
  }

  public func close() { channel.framed.close() }
}
