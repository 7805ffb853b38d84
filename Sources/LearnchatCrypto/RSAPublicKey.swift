internal import COpenSSL

/// An RSA public key: what the server of demo 2 sends, and what a client wraps the session
/// key with.
public struct RSAPublicKey: Sendable {
  let handle: PKeyHandle
  /// The context the key was made or read in; its OAEP padding draws randomness from it.
  let context: CryptoContext
  /// OAEP encryption with this key, set up on the first wrap and kept for the next.
  let encryption: OAEPOperation

  /// The key `handle` holds; `encryption` is shared with the private key's other views of it.
  init(handle: PKeyHandle, context: CryptoContext, encryption: OAEPOperation? = nil) {
    self.handle = handle
    self.context = context
    self.encryption = encryption ?? OAEPOperation(.encryption, key: handle, context: context)
  }

  /// Reads a PEM SubjectPublicKeyInfo (`-----BEGIN PUBLIC KEY-----`), as demo 2 sends it.
  ///
  /// Throws `CryptoError.malformedKey` for text that is not such a PEM block (truncated,
  /// corrupted base64, garbage) and `CryptoError.notAnRSAKey` for a key of another algorithm.
  public init(pem: [UInt8], context: CryptoContext = .system) throws {
    let pointer = try MemoryBIO.reading(pem) { bio in
      PEM_read_bio_PUBKEY_ex(
        bio, nil, refusePassphrase, nil, context.libraryContext, nil)
    }
    guard let pointer else {
      throw CryptoError.malformedKey(format: "PEM public", reason: OpenSSLErrors.drain())
    }
    try self.init(checkingRSA: PKeyHandle(takingOwnershipOf: pointer), context: context)
  }

  /// Reads a PEM SubjectPublicKeyInfo from text.
  public init(pem: String, context: CryptoContext = .system) throws {
    try self.init(pem: Array(pem.utf8), context: context)
  }

  /// Reads a DER SubjectPublicKeyInfo: the bytes inside the PEM's base64.
  public init(der: [UInt8], context: CryptoContext = .system) throws {
    OpenSSLErrors.clear()
    let pointer: OpaquePointer? = der.withUnsafeBufferPointer { buffer in
      var cursor = buffer.baseAddress
      return d2i_PUBKEY_ex(nil, &cursor, buffer.count, context.libraryContext, nil)
    }
    guard let pointer else {
      throw CryptoError.malformedKey(format: "DER public", reason: OpenSSLErrors.drain())
    }
    try self.init(checkingRSA: PKeyHandle(takingOwnershipOf: pointer), context: context)
  }

  private init(checkingRSA handle: PKeyHandle, context: CryptoContext) throws {
    guard handle.isA("RSA") else { throw CryptoError.notAnRSAKey(actualType: handle.typeName) }
    self.init(handle: handle, context: context)
  }

  /// The modulus size in bits (2048 for demo 2).
  public var bits: Int { handle.bits }

  /// The modulus n, big-endian, without leading zero bytes.
  public func modulus() throws -> [UInt8] { try handle.bigNumberParameter("n") }

  /// The public exponent e, big-endian (`01 00 01` for 65537).
  public func publicExponent() throws -> [UInt8] { try handle.bigNumberParameter("e") }

  /// The key as PEM SubjectPublicKeyInfo: base64 in 64-character lines, a final newline; the
  /// same bytes as OpenSSL's `PEM_write_bio_PUBKEY` and Python's `cryptography` write.
  public func pem() throws -> [UInt8] {
    try MemoryBIO.writing { bio in
      try OpenSSLErrors.check(PEM_write_bio_PUBKEY(bio, handle.pointer), "PEM_write_bio_PUBKEY")
    }
  }

  /// The key as DER SubjectPublicKeyInfo.
  public func der() throws -> [UInt8] {
    OpenSSLErrors.clear()
    let length = i2d_PUBKEY(handle.pointer, nil)
    guard length > 0 else { throw OpenSSLErrors.error("i2d_PUBKEY") }
    var output = [UInt8](repeating: 0, count: Int(length))
    let written = output.withUnsafeMutableBufferPointer { buffer in
      var cursor = buffer.baseAddress
      return i2d_PUBKEY(handle.pointer, &cursor)
    }
    guard written == length else { throw OpenSSLErrors.error("i2d_PUBKEY") }
    return output
  }

  /// Encrypts `plaintext` (demo 2: the 32-byte session key) with RSA-OAEP, SHA-256 and
  /// MGF1-SHA-256, empty label. The output is as long as the modulus (256 bytes for RSA-2048)
  /// and differs on every call, because OAEP mixes in a random seed.
  public func encryptOAEP(_ plaintext: [UInt8]) throws -> [UInt8] {
    let modulusBytes = (bits + 7) / 8
    return try encryption.run { operation in
      OpenSSLErrors.clear()
      var length = modulusBytes
      var output = [UInt8](repeating: 0, count: length)
      try OpenSSLErrors.check(
        EVP_PKEY_encrypt(operation, &output, &length, plaintext, plaintext.count),
        "EVP_PKEY_encrypt")
      // OAEP's output is always as long as the modulus.
      guard length == modulusBytes else {
        throw CryptoError.openSSL(operation: "EVP_PKEY_encrypt", reason: "unexpected length")
      }
      return output
    }
  }
}
