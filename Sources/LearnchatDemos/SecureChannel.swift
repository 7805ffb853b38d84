import LearnchatCrypto
import LearnchatWire

/// Demo 2's message layer: each message is one frame whose body is
/// `nonce (12) || AES-256-GCM ciphertext || tag (16)`, under one key for both directions.
public final class SecureChannel: Sendable {
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
  ) throws -> SecureChannel {
    try SecureChannel(framed: framed, key: key, repeating: nonce)
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
    /// Everything written to the socket: length prefix and body.
    public let frame: [UInt8]
  }

  /// Seals `text` under a fresh random nonce and sends it as one frame.
  @discardableResult
  public func send(_ text: String) throws -> SentMessage {
    let plaintext = Array(text.utf8)
    let nonce = try unsafeRepeatedNonce ?? AESGCM.Nonce.random(context: context)
    let sealed = try sealer.seal(plaintext, nonce: nonce)
    let body = sealed.combined
    try framed.send(body)
    return SentMessage(plaintext: plaintext, sealed: sealed, frame: try FrameEncoder.encode(body))
  }

  /// Seals every text under its own fresh nonce and sends them all with one write.
  ///
  /// For many small messages at once: the frames are built in one buffer, sealed in place,
  /// and go out in one system call instead of one each.
  public func send(contentsOf texts: [String]) throws {
    let overhead = AESGCM.nonceByteCount + AESGCM.tagByteCount
    var frames: [UInt8] = []
    frames.reserveCapacity(
      texts.reduce(0) { $0 + FrameDecoder.headerSize + overhead + $1.utf8.count })
    for text in texts {
      let nonce = try unsafeRepeatedNonce ?? AESGCM.Nonce.random(context: context)
      var utf8 = text
      frames += try FrameEncoder.header(bodyCount: utf8.utf8.count + overhead)
      try utf8.withUTF8 { bytes in
        try sealer.seal(UnsafeRawBufferPointer(bytes), nonce: nonce, appendingTo: &frames)
      }
    }
    try framed.connection.writeAll(frames)
  }

  /// One received frame and what opening it gave.
  public struct ReceivedMessage: Sendable {
    /// The frame body as it arrived.
    public let body: [UInt8]
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
    guard let body = try framed.receive() else { return nil }
    let plaintext: Result<[UInt8], CryptoError>
    do {
      plaintext = .success(try opener.open(combined: body))
    } catch {
      plaintext = .failure(Self.cryptoError(error))
    }
    return ReceivedMessage(body: body, plaintext: plaintext)
  }

  /// The crypto layer throws only `CryptoError`; anything else is reported as a failed open.
  private static func cryptoError(_ error: any Error) -> CryptoError {
    error as? CryptoError ?? .authenticationFailed
  }
}
