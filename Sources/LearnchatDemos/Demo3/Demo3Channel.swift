import LearnchatCrypto
import LearnchatWire
import Synchronization

extension Demo3 {
  /// Demo 3's message layer: one key per direction, the nonce a per-direction sequence number
  /// that never travels, and the length prefix authenticated as associated data.
  ///
  /// Both ends know which number comes next, so a replayed, reflected, dropped or reordered frame
  /// fails authentication, as does a changed bit or length. Any failure closes the channel.
  public final class Channel: Sendable {
    /// Which end of the connection this is, deciding which key seals and which opens.
    public enum Role: Sendable {
      case client
      case server
    }

    /// The framed connection.
    public let framed: FramedChannel
    /// Each direction's key, set up once for the channel's life (not once per message).
    let sealer: AESGCM.Sealer
    let opener: AESGCM.Opener
    // Each direction's next message number, only touched under its Mutex: a send holds
    // sendSequence while it seals and writes, so numbers go out in order; a receive (or a whole
    // receiveMessages loop) holds receiveSequence, so the one receiving thread takes it once.
    let sendSequence = Mutex<UInt64>(0)
    let receiveSequence = Mutex<UInt64>(0)

    /// A channel over `framed` with the handshake's `keys`, as `role`.
    ///
    /// - Throws: `CryptoError` when OpenSSL cannot set a key up.
    public convenience init(framed: FramedChannel, keys: Demo3.SessionKeys, role: Role) throws {
      switch role {
      case .client:
        try self.init(
          framed: framed, sealingKey: keys.clientToServer, openingKey: keys.serverToClient)
      case .server:
        try self.init(
          framed: framed, sealingKey: keys.serverToClient, openingKey: keys.clientToServer)
      }
    }

    /// A channel over `framed` that seals with `sealingKey` and opens with `openingKey`: keys
    /// agreed some other way than demo 3's handshake (the benchmarks use fixed ones).
    ///
    /// - Throws: `CryptoError` when OpenSSL cannot set a key up.
    public init(framed: FramedChannel, sealingKey: AESGCM.Key, openingKey: AESGCM.Key) throws {
      self.framed = framed
      self.sealer = try AESGCM.Sealer(key: sealingKey)
      self.opener = try AESGCM.Opener(key: openingKey)
    }

    /// The nonce for message number `sequence`: four zero bytes, then the number, big-endian.
    public static func nonce(sequence: UInt64) throws -> AESGCM.Nonce {
      try withNonce(sequence: sequence) { try AESGCM.Nonce($0) }
    }

    /// Lends `nonce(sequence:)`'s 12 bytes to `body` from the stack, without an array.
    static func withNonce<Result>(
      sequence: UInt64, _ body: (UnsafeRawBufferPointer) throws -> Result
    ) rethrows -> Result {
      try withUnsafeTemporaryAllocation(byteCount: AESGCM.nonceByteCount, alignment: 1) { nonce in
        nonce.storeBytes(of: 0, as: UInt32.self)
        nonce.storeBytes(of: sequence.bigEndian, toByteOffset: 4, as: UInt64.self)
        return try body(UnsafeRawBufferPointer(nonce))
      }
    }

    /// What one `send` did.
    public struct SentMessage: Sendable {
      /// The message's sequence number in this direction.
      public let sequence: UInt64
      /// The UTF-8 plaintext.
      public let plaintext: [UInt8]
      /// The frame written: length prefix, ciphertext, tag.
      public let frame: [UInt8]
    }

    /// Seals `text` as the next message in this direction and sends it.
    @discardableResult
    public func send(_ text: String) throws -> SentMessage {
      let plaintext = Array(text.utf8)
      return try sendSequence.withLock { sequence in
        let header = try FrameEncoder.header(bodyCount: plaintext.count + AESGCM.tagByteCount)
        let sealed = try sealer.seal(
          plaintext, nonce: Self.nonce(sequence: sequence), associatedData: header)
        // The frame shown is the one written: its length prefix is the associated data above.
        let frame = try framed.send(sealed.ciphertext + sealed.tag)
        defer { sequence += 1 }
        return SentMessage(sequence: sequence, plaintext: plaintext, frame: frame)
      }
    }

    /// A received, authenticated message.
    public struct ReceivedMessage: Sendable {
      /// Its sequence number.
      public let sequence: UInt64
      /// The whole frame, length prefix first, as it arrived.
      public let frame: [UInt8]
      /// The plaintext.
      public let plaintext: [UInt8]
      /// The frame's body: ciphertext and tag.
      public var body: [UInt8] { Array(frame.dropFirst(FrameDecoder.headerSize)) }
    }

    /// The next message; nil when the peer closed between frames.
    ///
    /// - Throws: `Demo3.ProtocolError.messageRejected` when the frame does not authenticate as the next
    ///   message; framing errors as the wire layer reports them.
    public func receive() throws -> ReceivedMessage? {
      var message: ReceivedMessage?
      _ = try receiveMessages { plaintext, frame, sequence in
        message = ReceivedMessage(
          sequence: sequence, frame: frame.withUnsafeBufferPointer { Array($0) },
          plaintext: plaintext.withUnsafeBufferPointer { Array($0) })
        return false
      }
      return message
    }
  }
}
