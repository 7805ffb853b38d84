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

  /// A channel sending and receiving over `framed` with `key`.
  public init(framed: FramedChannel, key: AESGCM.Key, context: CryptoContext = .system) {
    self.framed = framed
    self.key = key
    self.context = context
    self.unsafeRepeatedNonce = nil
  }

  /// A channel that seals every message under the same `nonce`. **Broken on purpose**, for
  /// lesson 3's nonce-reuse attack: two messages under one key and nonce leak the XOR of their
  /// plaintexts, and let an attacker forge tags.
  public static func unsafeRepeatingNonce(
    _ nonce: AESGCM.Nonce, framed: FramedChannel, key: AESGCM.Key
  ) -> SecureChannel {
    SecureChannel(framed: framed, key: key, repeating: nonce)
  }

  private init(framed: FramedChannel, key: AESGCM.Key, repeating nonce: AESGCM.Nonce) {
    self.framed = framed
    self.key = key
    self.context = .system
    self.unsafeRepeatedNonce = nonce
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
    let sealed = try AESGCM.seal(plaintext, key: key, nonce: nonce)
    let body = sealed.combined
    try framed.send(body)
    return SentMessage(plaintext: plaintext, sealed: sealed, frame: try FrameEncoder.encode(body))
  }

  /// One received frame and what opening it gave.
  public struct ReceivedMessage: Sendable {
    /// The frame body as it arrived.
    public let body: [UInt8]
    /// The body split into nonce, ciphertext and tag; nil when it is too short to hold them.
    public let sealed: AESGCM.SealedMessage?
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
    let sealed: AESGCM.SealedMessage
    do {
      sealed = try AESGCM.SealedMessage(combined: body)
    } catch {
      return ReceivedMessage(body: body, sealed: nil, plaintext: .failure(Self.cryptoError(error)))
    }
    let plaintext: Result<[UInt8], CryptoError>
    do {
      plaintext = .success(try AESGCM.open(sealed, key: key))
    } catch {
      plaintext = .failure(Self.cryptoError(error))
    }
    return ReceivedMessage(body: body, sealed: sealed, plaintext: plaintext)
  }

  /// The crypto layer throws only `CryptoError`; anything else is reported as a failed open.
  private static func cryptoError(_ error: any Error) -> CryptoError {
    error as? CryptoError ?? .authenticationFailed
  }
}
