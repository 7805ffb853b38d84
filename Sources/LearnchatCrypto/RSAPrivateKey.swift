internal import COpenSSL

/// An RSA key pair: demo 2's server makes one per run and unwraps the session key with it.
public struct RSAPrivateKey: Sendable {
  /// The size demo 2 uses, and the smallest this type makes without the unsafe entry point.
  public static let defaultBits = 2048
  /// The public exponent, 65537 (`01 00 01`), as in the original demo and almost everywhere.
  public static let publicExponent: UInt = 65537
  /// The sizes OpenSSL's RSA key generation accepts.
  static let generatableBits = 512...16384

  let handle: PKeyHandle
  let context: CryptoContext

  /// Generates a key pair of `bits` bits (at least 2048), exponent 65537, with randomness from
  /// `context`.
  ///
  /// Slow by design of RSA: it searches for two random primes of `bits / 2` bits.
  public init(bits: Int = defaultBits, context: CryptoContext = .system) throws {
    guard bits >= Self.defaultBits else { throw CryptoError.unsafeKeySize(bits: bits) }
    try self.init(generatingUncheckedBits: bits, context: context)
  }

  /// Generates a key smaller than 2048 bits, which can be factored or soon will be.
  ///
  /// For experiments and fast tests only; the name says so on purpose.
  public static func unsafeGenerating(bits: Int, context: CryptoContext = .system) throws -> Self {
    try Self(generatingUncheckedBits: bits, context: context)
  }

  private init(generatingUncheckedBits bits: Int, context: CryptoContext) throws {
    guard Self.generatableBits.contains(bits) else {
      throw CryptoError.unsupportedKeySize(bits: bits)
    }
    try context.prepareCurrentThread()
    OpenSSLErrors.clear()
    let generation = try OpenSSLErrors.check(
      EVP_PKEY_CTX_new_from_name(context.libraryContext, "RSA", nil),
      "EVP_PKEY_CTX_new_from_name")
    defer { EVP_PKEY_CTX_free(generation) }
    try OpenSSLErrors.check(EVP_PKEY_keygen_init(generation), "EVP_PKEY_keygen_init")
    try OpenSSLErrors.check(
      EVP_PKEY_CTX_set_rsa_keygen_bits(generation, Int32(bits)),
      "EVP_PKEY_CTX_set_rsa_keygen_bits")
    let exponent = try OpenSSLErrors.check(BN_new(), "BN_new")
    defer { BN_free(exponent) }
    try OpenSSLErrors.check(BN_set_word(exponent, Self.publicExponent), "BN_set_word")
    try OpenSSLErrors.check(
      EVP_PKEY_CTX_set1_rsa_keygen_pubexp(generation, exponent),
      "EVP_PKEY_CTX_set1_rsa_keygen_pubexp")
    var key: OpaquePointer? = nil
    try OpenSSLErrors.check(EVP_PKEY_generate(generation, &key), "EVP_PKEY_generate")
    let generated = try OpenSSLErrors.check(key, "EVP_PKEY_generate")
    self.init(handle: PKeyHandle(takingOwnershipOf: generated), context: context)
  }

  init(handle: PKeyHandle, context: CryptoContext) {
    self.handle = handle
    self.context = context
    encryption = OAEPOperation(.encryption, key: handle, context: context)
    decryption = OAEPOperation(.decryption, key: handle, context: context)
  }

  /// OAEP with this key, each direction set up on first use and kept (see `OAEPOperation`);
  /// every `publicKey` shares `encryption`.
  private let encryption: OAEPOperation
  private let decryption: OAEPOperation

  /// Reads a private key in PEM (PKCS#8 `BEGIN PRIVATE KEY` or traditional
  /// `BEGIN RSA PRIVATE KEY`), unencrypted, such as one `--export` wrote.
  public init(pem: [UInt8], context: CryptoContext = .system) throws {
    let pointer = try MemoryBIO.reading(pem) { bio in
      PEM_read_bio_PrivateKey_ex(
        bio, nil, refusePassphrase, nil, context.libraryContext, nil)
    }
    guard let pointer else {
      throw CryptoError.malformedKey(format: "PEM private", reason: OpenSSLErrors.drain())
    }
    let handle = PKeyHandle(takingOwnershipOf: pointer)
    guard handle.isA("RSA") else { throw CryptoError.notAnRSAKey(actualType: handle.typeName) }
    self.init(handle: handle, context: context)
  }

  /// The modulus size in bits.
  public var bits: Int { handle.bits }

  /// The public half, to send to the peer. It shares this key's OpenSSL object.
  public var publicKey: RSAPublicKey {
    RSAPublicKey(handle: handle, context: context, encryption: encryption)
  }

  /// The private key as unencrypted PKCS#8 PEM (`-----BEGIN PRIVATE KEY-----`), for exports a
  /// student can inspect with `openssl pkey -text`. Never send this.
  public func pem() throws -> [UInt8] {
    try handle.privateKeyPEM()
  }

  /// Decrypts an RSA-OAEP (SHA-256, MGF1-SHA-256, empty label) ciphertext made for this key.
  ///
  /// Throws `CryptoError.decryptionFailed` when the ciphertext was made for another key, has
  /// the wrong length, or was changed; no partial plaintext is ever returned.
  public func decryptOAEP(_ ciphertext: [UInt8]) throws -> [UInt8] {
    let modulusBytes = (bits + 7) / 8
    guard ciphertext.count == modulusBytes else {
      throw CryptoError.decryptionFailed(
        reason: "ciphertext is \(ciphertext.count) bytes, the key needs \(modulusBytes)")
    }
    // The private operation uses random blinding, drawn from this context.
    return try decryption.run { operation in
      OpenSSLErrors.clear()
      var length = modulusBytes
      var output = [UInt8](repeating: 0, count: length)
      let status = EVP_PKEY_decrypt(operation, &output, &length, ciphertext, ciphertext.count)
      guard status == 1 else {
        throw CryptoError.decryptionFailed(reason: OpenSSLErrors.drain())
      }
      return Array(output.prefix(length))
    }
  }
}
