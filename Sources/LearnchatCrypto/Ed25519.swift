internal import COpenSSL

/// Ed25519 signatures (RFC 8032): demo 3's server identity.
///
/// The server keeps one Ed25519 key pair across runs; clients pin its public key and check
/// that the server signed the handshake transcript with it. Signing is deterministic (the
/// same key and message always give the same 64 bytes) and draws no randomness.
public enum Ed25519 {
  /// Private keys (seeds) and public keys are 32 bytes.
  public static let keyByteCount = 32
  /// Signatures are 64 bytes.
  public static let signatureByteCount = 64
  /// OpenSSL's name for the algorithm.
  static let algorithm = "ED25519"

  /// An Ed25519 private key, held as its 32-byte seed.
  public struct PrivateKey: Sendable {
    let handle: PKeyHandle
    let context: CryptoContext
    /// The public half, which clients pin.
    public let publicKey: PublicKey

    /// Generates a key pair with randomness from `context`.
    public init(context: CryptoContext = .system) throws {
      try self.init(handle: .generating(Ed25519.algorithm, context: context), context: context)
    }

    /// Imports a raw 32-byte seed (RFC 8032's "secret key"), as `rawRepresentation` gives it.
    public init(rawRepresentation: [UInt8], context: CryptoContext = .system) throws {
      try CryptoError.checkSize(
        rawRepresentation.count, is: Ed25519.keyByteCount, for: "an Ed25519 private key")
      let handle = try PKeyHandle.rawPrivate(
        rawRepresentation, type: Ed25519.algorithm, context: context)
      try self.init(handle: handle, context: context)
    }

    /// Reads an unencrypted PKCS#8 PEM (`-----BEGIN PRIVATE KEY-----`), such as `pem()` wrote
    /// to an identity key file.
    ///
    /// Throws `CryptoError.malformedKey` for text that is not a private key PEM and
    /// `CryptoError.wrongKeyType` for a key of another algorithm.
    public init(pem: [UInt8], context: CryptoContext = .system) throws {
      let pointer = try MemoryBIO.reading(pem) { bio in
        PEM_read_bio_PrivateKey_ex(
          bio, nil, refusePassphrase, nil, context.libraryContext, nil)
      }
      guard let pointer else {
        throw CryptoError.malformedKey(format: "PEM private", reason: OpenSSLErrors.drain())
      }
      let handle = PKeyHandle(takingOwnershipOf: pointer)
      guard handle.isA(Ed25519.algorithm) else {
        throw CryptoError.wrongKeyType(expected: Ed25519.algorithm, actual: handle.typeName)
      }
      try self.init(handle: handle, context: context)
    }

    private init(handle: PKeyHandle, context: CryptoContext) throws {
      self.handle = handle
      self.context = context
      publicKey = try PublicKey(rawRepresentation: handle.rawPublicKey)
    }

    /// The raw 32-byte seed. Never send this.
    public var rawRepresentation: [UInt8] { handle.rawPrivateKey }

    /// The key as unencrypted PKCS#8 PEM (`-----BEGIN PRIVATE KEY-----`), for the server's
    /// identity key file; `openssl pkey -text` reads it. Never send this.
    public func pem() throws -> [UInt8] {
      try handle.privateKeyPEM()
    }

    /// The 64-byte signature of `message` (pure Ed25519: the message itself is signed, with no
    /// separate hash step).
    public func signature(for message: [UInt8]) throws -> [UInt8] {
      OpenSSLErrors.clear()
      let signing = try OpenSSLErrors.check(EVP_MD_CTX_new(), "EVP_MD_CTX_new")
      defer { EVP_MD_CTX_free(signing) }
      // No digest name: Ed25519 hashes internally (with SHA-512) and takes no other.
      try OpenSSLErrors.check(
        EVP_DigestSignInit_ex(signing, nil, nil, context.libraryContext, nil, handle.pointer, nil),
        "EVP_DigestSignInit_ex")
      var length = Ed25519.signatureByteCount
      var signature = [UInt8](repeating: 0, count: length)
      try OpenSSLErrors.check(
        EVP_DigestSign(signing, &signature, &length, message, message.count), "EVP_DigestSign")
      guard length == Ed25519.signatureByteCount else {
        throw CryptoError.openSSL(
          operation: "EVP_DigestSign", reason: "unexpected signature length \(length)")
      }
      return signature
    }
  }

  /// An Ed25519 public key: 32 bytes, the encoding of a curve point.
  public struct PublicKey: Sendable, Hashable {
    /// The raw 32-byte public key, as RFC 8032 encodes it.
    public let rawRepresentation: [UInt8]

    /// Wraps a raw public key; throws unless it has exactly 32 bytes.
    ///
    /// Bytes that encode no curve point are not refused here; no signature verifies under them.
    public init(rawRepresentation: [UInt8]) throws {
      try CryptoError.checkSize(
        rawRepresentation.count, is: Ed25519.keyByteCount, for: "an Ed25519 public key")
      self.rawRepresentation = rawRepresentation
    }

    /// Reads a PEM SubjectPublicKeyInfo (`-----BEGIN PUBLIC KEY-----`).
    ///
    /// Throws `CryptoError.malformedKey` for text that is not such a PEM block and
    /// `CryptoError.wrongKeyType` for a key of another algorithm.
    public init(pem: [UInt8]) throws {
      let pointer = try MemoryBIO.reading(pem) { bio in
        PEM_read_bio_PUBKEY_ex(bio, nil, refusePassphrase, nil, nil, nil)
      }
      guard let pointer else {
        throw CryptoError.malformedKey(format: "PEM public", reason: OpenSSLErrors.drain())
      }
      let handle = PKeyHandle(takingOwnershipOf: pointer)
      guard handle.isA(Ed25519.algorithm) else {
        throw CryptoError.wrongKeyType(expected: Ed25519.algorithm, actual: handle.typeName)
      }
      try self.init(rawRepresentation: handle.rawPublicKey)
    }

    /// Reads a PEM SubjectPublicKeyInfo from text.
    public init(pem: String) throws {
      try self.init(pem: Array(pem.utf8))
    }

    /// The key as PEM SubjectPublicKeyInfo (`-----BEGIN PUBLIC KEY-----`), the same bytes as
    /// Python's `cryptography` writes.
    public func pem() throws -> [UInt8] {
      let handle = try makeHandle()
      return try MemoryBIO.writing { bio in
        try OpenSSLErrors.check(PEM_write_bio_PUBKEY(bio, handle.pointer), "PEM_write_bio_PUBKEY")
      }
    }

    /// Whether `signature` is this key's signature of `message`.
    ///
    /// False for a signature of the wrong length, a changed bit in message or signature, or
    /// any other failure; OpenSSL's error queue is left empty either way.
    public func isValidSignature(_ signature: [UInt8], for message: [UInt8]) -> Bool {
      guard signature.count == Ed25519.signatureByteCount else { return false }
      defer { OpenSSLErrors.clear() }
      guard let handle = try? makeHandle(), let verifying = EVP_MD_CTX_new() else { return false }
      defer { EVP_MD_CTX_free(verifying) }
      guard EVP_DigestVerifyInit_ex(verifying, nil, nil, nil, nil, handle.pointer, nil) == 1
      else { return false }
      return EVP_DigestVerify(verifying, signature, signature.count, message, message.count) == 1
    }

    /// An OpenSSL key for these bytes, made per use: verification draws no randomness, so the
    /// default library context serves every caller.
    private func makeHandle() throws -> PKeyHandle {
      try PKeyHandle.rawPublic(rawRepresentation, type: Ed25519.algorithm, context: .system)
    }
  }
}
