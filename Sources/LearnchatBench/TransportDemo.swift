import LearnchatCrypto
import LearnchatDemos
import LearnchatWire

/// Which demo's message layer a transport benchmark drives over its connection.
public enum TransportDemo: Int, Sendable, CaseIterable {
  /// Demo 2: one key, a random nonce sent with each message (`SecureChannel`).
  case demo2 = 2
  /// Demo 3: a key per direction, counted nonces, the length authenticated
  /// (`SequencedChannel`).
  case demo3 = 3

  /// The key the sending end seals with and the receiving end opens with: 32 bytes of 0x42.
  /// Fixed keys agreed out of band are for benchmarks only.
  static let sendingKey = [UInt8](repeating: 0x42, count: AESGCM.keyByteCount)
  /// Demo 3's other direction, which the benchmarks never use: 32 bytes of 0x43.
  static let returnKey = [UInt8](repeating: 0x43, count: AESGCM.keyByteCount)

  /// The sending end over `connection`: sends a batch of texts, each its own sealed frame.
  func sender(_ connection: TCPConnection) throws -> @Sendable ([String]) throws -> Void {
    let framed = FramedChannel(connection: connection)
    switch self {
    case .demo2:
      let channel = try SecureChannel(framed: framed, key: AESGCM.Key(Self.sendingKey))
      return { try channel.send(contentsOf: $0) }
    case .demo3:
      let channel = SequencedChannel(
        framed: framed, sealingKey: try AESGCM.Key(Self.sendingKey),
        openingKey: try AESGCM.Key(Self.returnKey))
      return { texts in for text in texts { try channel.send(text) } }
    }
  }

  /// The receiving end over `connection`: receives the messages numbered `indices`, checking
  /// that each opens to `size` bytes.
  func receiver(_ connection: TCPConnection) throws -> (
    _ indices: Range<Int>, _ size: Int
  ) throws -> Void {
    let framed = FramedChannel(connection: connection)
    switch self {
    case .demo2:
      let channel = try SecureChannel(framed: framed, key: AESGCM.Key(Self.sendingKey))
      return { indices, size in
        for index in indices {
          guard let message = try channel.receive() else {
            throw TransportPeerError.peerClosed(afterMessages: index)
          }
          guard case .success(let plaintext) = message.plaintext, plaintext.count == size else {
            throw TransportPeerError.damagedMessage(index: index)
          }
        }
      }
    case .demo3:
      let channel = SequencedChannel(
        framed: framed, sealingKey: try AESGCM.Key(Self.returnKey),
        openingKey: try AESGCM.Key(Self.sendingKey))
      return { indices, size in
        for index in indices {
          guard let message = try channel.receive() else {
            throw TransportPeerError.peerClosed(afterMessages: index)
          }
          guard message.plaintext.count == size else {
            throw TransportPeerError.damagedMessage(index: index)
          }
        }
      }
    }
  }
}
