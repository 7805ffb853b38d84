extension AESGCM {
  /// A 32-byte AES-256 key: demo 2's session key.
  public struct Key: Sendable, Equatable {
    /// The raw key bytes.
    public let bytes: [UInt8]

    /// Wraps existing key bytes; throws unless there are exactly 32.
    public init(_ bytes: [UInt8]) throws {
      try CryptoError.checkSize(bytes.count, is: AESGCM.keyByteCount, for: "an AES-256 key")
      self.bytes = bytes
    }

    /// A fresh random key from `context`.
    public static func random(context: CryptoContext = .system) throws -> Key {
      try Key(context.randomBytes(AESGCM.keyByteCount))
    }
  }

  /// A 12-byte GCM nonce. Each message under one key needs a different one.
  public struct Nonce: Sendable, Equatable {
    /// The raw nonce bytes.
    public let bytes: [UInt8]

    /// Wraps existing nonce bytes; throws unless there are exactly 12.
    public init(_ bytes: some Collection<UInt8>) throws {
      try CryptoError.checkSize(bytes.count, is: AESGCM.nonceByteCount, for: "an AES-GCM nonce")
      self.bytes = Array(bytes)
    }

    /// A fresh random nonce from `context`, as demo 2 makes one per message.
    public static func random(context: CryptoContext = .system) throws -> Nonce {
      try Nonce(context.randomBytes(AESGCM.nonceByteCount))
    }
  }

  /// A sealed message: nonce, ciphertext and tag, which demo 2 sends as one frame body.
  public struct SealedMessage: Sendable, Equatable {
    /// The nonce the message was sealed with; sent in the clear, it is not secret.
    public let nonce: Nonce
    /// The encrypted bytes, as long as the plaintext.
    public let ciphertext: [UInt8]
    /// The 16-byte authentication tag.
    public let tag: [UInt8]

    /// Assembles a sealed message from its parts; throws unless the tag has 16 bytes.
    public init(nonce: Nonce, ciphertext: [UInt8], tag: [UInt8]) throws {
      try CryptoError.checkSize(tag.count, is: AESGCM.tagByteCount, for: "an AES-GCM tag")
      self.nonce = nonce
      self.ciphertext = ciphertext
      self.tag = tag
    }

    /// Splits demo 2's frame body `nonce (12) || ciphertext || tag (16)`.
    ///
    /// Throws when the body is shorter than 28 bytes, the least a body can be.
    public init(combined body: [UInt8]) throws {
      let overhead = AESGCM.nonceByteCount + AESGCM.tagByteCount
      guard body.count >= overhead else {
        throw CryptoError.invalidSize(
          what: "an AES-GCM body (at least)", expected: overhead, actual: body.count)
      }
      let tagStart = body.count - AESGCM.tagByteCount
      try self.init(
        nonce: Nonce(body[..<AESGCM.nonceByteCount]),
        ciphertext: Array(body[AESGCM.nonceByteCount..<tagStart]),
        tag: Array(body[tagStart...]))
    }

    /// The frame body `nonce || ciphertext || tag`, as the original demo lays it out.
    public var combined: [UInt8] { nonce.bytes + ciphertext + tag }
  }
}
