import LearnchatCrypto
import LearnchatDemos
import LearnchatWire

/// Demo 3: sealed messages with counted nonces, one key per direction.
///
/// A frame that fails authentication ends the session: `receive` throws
/// `Demo3Error.messageRejected`, because after it the two ends no longer agree on what was said.
public struct SequencedTransport: ChatTransport {
  let channel: SequencedChannel

  /// A transport over `channel`.
  public init(channel: SequencedChannel) {
    self.channel = channel
  }

  public var demo: ChatDemo { .demo3 }

  public func send(_ text: String) throws -> WireEvent {
    let sent = try channel.send(text)
    return WireEvent(
      direction: .sent, title: "message frame", bytes: sent.frame,
      fields: Demo3FrameLayout.messageFrame(bodyCount: sent.frame.count - FrameDecoder.headerSize))
  }

  public func receive() throws -> ChatIncoming? {
    guard let received = try channel.receive() else { return nil }
    let wire = WireEvent(
      direction: .received, title: "message frame", bytes: received.frame,
      fields: Demo3FrameLayout.messageFrame(
        bodyCount: received.frame.count - FrameDecoder.headerSize))
    return ChatIncoming(wire: wire, content: ChatIncoming.decoding(received.plaintext))
  }

  public func close() { channel.framed.close() }
}
