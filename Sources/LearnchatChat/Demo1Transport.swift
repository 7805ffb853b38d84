import LearnchatDemos

/// Demo 1: text as raw UTF-8 bytes, whatever one read returns taken as one message.
public struct Demo1Transport: ChatTransport {
  let peer: Demo1.Peer

  /// A transport over `peer`.
  public init(peer: Demo1.Peer) {
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
