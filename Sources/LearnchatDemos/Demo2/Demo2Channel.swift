import LearnchatCrypto
import LearnchatWire

extension Demo2 {
  /// Demo 2's message layer: each message is one frame whose body is
  /// `nonce (12) || AES-256-GCM ciphertext || tag (16)`, under one key for both directions.
  public final class Channel: Sendable {
    /// The framed connection the messages travel over.
    public let framed: FramedChannel
    /// The session key both peers hold after the handshake.
    public let key: AESGCM.Key
    /// Where nonces come from.
    public let context: CryptoContext
    /// A nonce used for every message instead of a fresh one: the mistake lesson 3 exploits.
    let unsafeRepeatedNonce: AESGCM.Nonce?
    /// The key set up once for sealing, and once for opening.
    private let sealer: AESGCM.Sealer
    private let opener: AESGCM.Opener

    /// A channel sending and receiving over `framed` with `key`.
    public init(framed: FramedChannel, key: AESGCM.Key, context: CryptoContext = .system) throws {
      self.framed = framed
      self.key = key
      self.context = context
      self.unsafeRepeatedNonce = nil
      self.sealer = try AESGCM.Sealer(key: key)
      self.opener = try AESGCM.Opener(key: key)
    }

    /// A channel that seals every message under the same `nonce`. **Broken on purpose**, for
    /// lesson 3's nonce-reuse attack: two messages under one key and nonce leak the XOR of their
    /// plaintexts, and let an attacker forge tags.
    public static func unsafeRepeatingNonce(
      _ nonce: AESGCM.Nonce, framed: FramedChannel, key: AESGCM.Key
    ) throws -> Demo2.Channel {
      try Demo2.Channel(framed: framed, key: key, repeating: nonce)
    }

    private init(framed: FramedChannel, key: AESGCM.Key, repeating nonce: AESGCM.Nonce) throws {
      self.framed = framed
      self.key = key
      self.context = .system
      self.unsafeRepeatedNonce = nonce
      self.sealer = try AESGCM.Sealer(key: key)
      self.opener = try AESGCM.Opener(key: key)
    }

    /// What one `send` did: the message, how it was sealed, and the frame that was written.
    public struct SentMessage: Sendable {
      /// The UTF-8 plaintext.
      public let plaintext: [UInt8]
      /// Nonce, ciphertext and tag.
      public let sealed: AESGCM.SealedMessage
      /// Everything written to the socket, length prefix and body: the very bytes written.
      public let frame: [UInt8]
    }

    /// Seals `text` under a fresh random nonce and sends it as one frame.
    @discardableResult
    public func send(_ text: String) throws -> SentMessage {
      let plaintext = Array(text.utf8)
      let nonce = try unsafeRepeatedNonce ?? AESGCM.Nonce.random(context: context)
      let sealed = try sealer.seal(plaintext, nonce: nonce)
      let frame = try framed.send(sealed.combined)
      return SentMessage(plaintext: plaintext, sealed: sealed, frame: frame)
    }

    /// Seals every text under its own fresh nonce and sends them all with one write.
    ///
    /// For many small messages at once: the nonces are drawn together (each still 12 fresh random
    /// bytes of its own), the frames are sealed in place in one buffer with the key taken once,
    /// and they go out in one system call instead of one each.
    public func send(contentsOf texts: [String]) throws {
      let overhead = AESGCM.nonceByteCount + AESGCM.tagByteCount
      let nonces =
        try unsafeRepeatedNonce.map { Array(repeatElement($0.bytes, count: texts.count).joined()) }
        ?? context.randomBytes(AESGCM.nonceByteCount * texts.count)
      var frames = [UInt8](
        repeating: 0,
        count: texts.reduce(0) { $0 + FrameDecoder.headerSize + overhead + $1.utf8.count })
      try frames.withUnsafeMutableBytes { frames in
        try nonces.withUnsafeBytes { nonces in
          try sealer.withSession { session in
            var offset = 0
            for (index, text) in texts.enumerated() {
              var text = text
              let bodyCount = text.utf8.count + overhead
              let nonce = UnsafeRawBufferPointer(
                rebasing: nonces[(index * AESGCM.nonceByteCount)...].prefix(AESGCM.nonceByteCount))
              let body = UnsafeMutableRawBufferPointer(
                rebasing: frames[(offset + FrameDecoder.headerSize)...].prefix(bodyCount))
              try FrameEncoder.writeHeader(bodyCount: bodyCount, into: frames[offset...])
              body.copyMemory(from: nonce)
              try text.withUTF8 { plaintext in
                try session.seal(
                  UnsafeRawBufferPointer(plaintext), nonce: nonce,
                  into: UnsafeMutableRawBufferPointer(rebasing: body[AESGCM.nonceByteCount...]))
              }
              offset += FrameDecoder.headerSize + bodyCount
            }
          }
        }
      }
      try framed.connection.writeAll(frames)
    }

    /// One received frame and what opening it gave.
    public struct ReceivedMessage: Sendable {
      /// The whole frame, length prefix first, as it arrived.
      public let frame: [UInt8]
      /// The frame's body: nonce, ciphertext and tag.
      public var body: [UInt8] { Array(frame.dropFirst(FrameDecoder.headerSize)) }
      /// The body split into nonce, ciphertext and tag; nil when it is too short to hold them.
      public var sealed: AESGCM.SealedMessage? { try? AESGCM.SealedMessage(combined: body) }
      /// The plaintext, or why there is none (too short, or failed authentication).
      public let plaintext: Result<[UInt8], CryptoError>

      /// The plaintext as text for the console, control characters escaped; nil when the body
      /// did not open.
      public var displayText: String? {
        guard case .success(let bytes) = plaintext else { return nil }
        return ChatText.displayable(bytes)
      }

      /// The plaintext as text when it is valid UTF-8.
      public var text: String? {
        guard case .success(let bytes) = plaintext else { return nil }
        return String(validating: bytes, as: UTF8.self)
      }
    }

    /// Waits for the next frame and opens it; nil when the peer closed between frames.
    ///
    /// A body that does not open is returned, not thrown: the original prints
    /// `[!] Failed to decrypt message` and the chat goes on. Framing errors (too large,
    /// truncated) are thrown, since the stream cannot continue after them.
    public func receive() throws -> ReceivedMessage? {
      var message: ReceivedMessage?
      _ = try receiveMessages { plaintext, frame in
        let copied: Result<[UInt8], CryptoError>
        switch plaintext {
        case .success(let bytes): copied = .success(bytes.withUnsafeBufferPointer { Array($0) })
        case .failure(let error): copied = .failure(error)
        }
        message = ReceivedMessage(
          frame: frame.withUnsafeBufferPointer { Array($0) }, plaintext: copied)
        return false
      }
      return message
    }

    /// Receives and opens messages until `body` returns false or the peer closes between frames,
    /// lending each to `body`: its plaintext (or why it did not open), in a buffer reused for the
    /// next message, and the whole frame as it arrived, where it lies in the receive buffer.
    ///
    /// For a thread that receives message after message: the decoder and the key are taken once
    /// for the whole loop (other receives wait until it ends), and nothing is allocated per
    /// message. Failures are as ``receive()`` has them: a body that does not open is lent, not
    /// thrown; framing errors are thrown and end the loop.
    /// - Returns: true when `body` ended the loop, false when the peer closed.
    public func receiveMessages(
      _ body: (_ plaintext: Result<Span<UInt8>, CryptoError>, _ frame: Span<UInt8>) throws
        -> Bool
    ) throws -> Bool {
      var plaintext: [UInt8] = []
      return try opener.withSession { session in
        try framed.receiveFrames(includingHeader: true) { frame in
          let failure: CryptoError?
          do {
            try frame.withUnsafeBytes { frame in
              try session.open(
                combined: UnsafeRawBufferPointer(rebasing: frame[FrameDecoder.headerSize...]),
                into: &plaintext)
            }
            failure = nil
          } catch {
            failure = Self.cryptoError(error)
          }
          if let failure { return try body(.failure(failure), frame) }
          return try body(.success(plaintext.span), frame)
        }
      }
    }

    /// The crypto layer throws only `CryptoError`; anything else is reported as a failed open.
    private static func cryptoError(_ error: any Error) -> CryptoError {
      error as? CryptoError ?? .authenticationFailed
    }
  }
}
