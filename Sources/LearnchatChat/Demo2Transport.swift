import LearnchatDemos

/// Demo 2: AES-256-GCM sealed messages in length-prefixed frames.
public struct Demo2Transport: ChatTransport {
  let channel: Demo2.Channel

  /// A transport over `channel`.
  public init(channel: Demo2.Channel) {
    self.channel = channel
  }

  public var demo: ChatDemo { .demo2 }

  public func send(_ text: String) throws -> WireEvent {
    let sent = try channel.send(text)
    return .messageFrame(.sent, sent.frame, layout: Demo2.FrameLayout.messageFrame)
  }

  public func receive() throws -> ChatIncoming? {
    guard let received = try channel.receive() else { return nil }
    let wire = WireEvent.messageFrame(
      .received, received.frame, layout: Demo2.FrameLayout.messageFrame)
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
