import LearnchatCrypto
import LearnchatDemos
import LearnchatWire

/// Which demo's message layer a transport benchmark drives over its connection.
public enum TransportDemo: Int, Sendable, CaseIterable {
  /// Demo 2: one key, a random nonce sent with each message (`Demo2.Channel`).
  case demo2 = 2
  /// Demo 3: a key per direction, counted nonces, the length authenticated
  /// (`Demo3.Channel`).
  case demo3 = 3

  /// The key the sending end seals with and the receiving end opens with: 32 bytes of 0x42.
  /// Fixed keys agreed out of band are for benchmarks only.
  static let sendingKey = [UInt8](repeating: 0x42, count: AESGCM.keyByteCount)
  /// Demo 3's other direction, which the benchmarks never use: 32 bytes of 0x43.
  static let returnKey = [UInt8](repeating: 0x43, count: AESGCM.keyByteCount)

  /// The sending end over `connection`: sends a batch of texts, each its own sealed frame, with
  /// one write.
  func sender(_ connection: TCPConnection) throws -> @Sendable ([String]) throws -> Void {
    let framed = FramedChannel(connection: connection)
    switch self {
    case .demo2:
      let channel = try Demo2.Channel(framed: framed, key: AESGCM.Key(Self.sendingKey))
      return { try channel.send(contentsOf: $0) }
    case .demo3:
      let channel = try Demo3.Channel(
        framed: framed, sealingKey: try AESGCM.Key(Self.sendingKey),
        openingKey: try AESGCM.Key(Self.returnKey))
      return { try channel.send(contentsOf: $0) }
    }
  }

  /// The receiving end over `connection`: receives the messages numbered `indices` in one
  /// receive loop (no allocation or lock per message), checking that each opens to `size` bytes.
  func receiver(_ connection: TCPConnection) throws -> (
    _ indices: Range<Int>, _ size: Int
  ) throws -> Void {
    let framed = FramedChannel(connection: connection)
    switch self {
    case .demo2:
      let channel = try Demo2.Channel(framed: framed, key: AESGCM.Key(Self.sendingKey))
      return { indices, size in
        try Self.count(indices) { intact in
          try channel.receiveMessages { plaintext, _ in
            switch plaintext {
            case .success(let bytes): return intact(bytes.count == size)
            case .failure: return intact(false)
            }
          }
        }
      }
    case .demo3:
      let channel = try Demo3.Channel(
        framed: framed, sealingKey: try AESGCM.Key(Self.returnKey),
        openingKey: try AESGCM.Key(Self.sendingKey))
      return { indices, size in
        try Self.count(indices) { intact in
          try channel.receiveMessages { plaintext, _, _ in intact(plaintext.count == size) }
        }
      }
    }
  }

  /// Runs `loop`, a receive loop that calls `intact` with whether each message arrived intact
  /// and goes on while it returns true, until the messages numbered `indices` are in.
  ///
  /// - Throws: `TransportPeerError` for a damaged message or a sender that closed early.
  private static func count(
    _ indices: Range<Int>, _ loop: (_ intact: (Bool) -> Bool) throws -> Bool
  ) throws {
    guard !indices.isEmpty else { return }
    var index = indices.lowerBound
    var damaged = false
    let stopped = try loop { intact in
      guard intact else {
        damaged = true
        return false
      }
      index += 1
      return index < indices.upperBound
    }
    if damaged { throw TransportPeerError.damagedMessage(index: index) }
    if !stopped { throw TransportPeerError.peerClosed(afterMessages: index) }
  }
}
