import COpenSSL

/// AES-256-GCM, demo 2's message cipher: a 32-byte key, a 12-byte nonce, a 16-byte tag.
///
/// GCM encrypts with AES in counter mode and authenticates the ciphertext (and optional
/// associated data) with a tag. Opening checks the tag before returning anything, so a changed
/// bit, a wrong key or a wrong nonce yields `CryptoError.authenticationFailed` and no plaintext.
public enum AESGCM {
  /// AES-256: 32-byte keys.
  public static let keyByteCount = 32
  /// GCM's recommended nonce size: 96 bits, used directly as the counter block's prefix.
  public static let nonceByteCount = 12
  /// The full 128-bit tag; shorter tags make forgeries easier.
  public static let tagByteCount = 16

  /// Encrypts and authenticates `plaintext`. The ciphertext is as long as the plaintext.
  ///
  /// Never seal two messages with the same key and nonce: the second reveals the XOR of both
  /// plaintexts and lets an attacker forge tags.
  public static func seal(
    _ plaintext: [UInt8], key: Key, nonce: Nonce, associatedData: [UInt8] = []
  ) throws -> SealedMessage {
    try checkLength(plaintext)
    try checkLength(associatedData)
    return try withCipherContext { context in
      try OpenSSLErrors.check(
        EVP_EncryptInit_ex2(context, try GCMCipher.fetched(), key.bytes, nonce.bytes, nil),
        "EVP_EncryptInit_ex2")
      if !associatedData.isEmpty {
        var ignored: Int32 = 0
        try OpenSSLErrors.check(
          EVP_EncryptUpdate(context, nil, &ignored, associatedData, Int32(associatedData.count)),
          "EVP_EncryptUpdate(associated data)")
      }
      var ciphertext = [UInt8](repeating: 0, count: plaintext.count)
      var written: Int32 = 0
      if !plaintext.isEmpty {
        try OpenSSLErrors.check(
          EVP_EncryptUpdate(context, &ciphertext, &written, plaintext, Int32(plaintext.count)),
          "EVP_EncryptUpdate")
      }
      var finalBytes = [UInt8](repeating: 0, count: 16)
      var finalCount: Int32 = 0
      try OpenSSLErrors.check(
        EVP_EncryptFinal_ex(context, &finalBytes, &finalCount), "EVP_EncryptFinal_ex")
      // GCM is a stream mode: Update already produced every ciphertext byte.
      guard Int(written) == plaintext.count, finalCount == 0 else {
        throw CryptoError.openSSL(
          operation: "EVP_EncryptUpdate", reason: "unexpected ciphertext length")
      }
      var tag = [UInt8](repeating: 0, count: tagByteCount)
      try OpenSSLErrors.check(
        EVP_CIPHER_CTX_ctrl(context, EVP_CTRL_GCM_GET_TAG, Int32(tagByteCount), &tag),
        "EVP_CTRL_GCM_GET_TAG")
      return try SealedMessage(nonce: nonce, ciphertext: ciphertext, tag: tag)
    }
  }

  /// Checks the tag and, only if it matches, returns the plaintext.
  public static func open(
    _ sealed: SealedMessage, key: Key, associatedData: [UInt8] = []
  ) throws -> [UInt8] {
    try checkLength(sealed.ciphertext)
    try checkLength(associatedData)
    return try withCipherContext { context in
      try OpenSSLErrors.check(
        EVP_DecryptInit_ex2(context, try GCMCipher.fetched(), key.bytes, sealed.nonce.bytes, nil),
        "EVP_DecryptInit_ex2")
      if !associatedData.isEmpty {
        var ignored: Int32 = 0
        try OpenSSLErrors.check(
          EVP_DecryptUpdate(context, nil, &ignored, associatedData, Int32(associatedData.count)),
          "EVP_DecryptUpdate(associated data)")
      }
      var plaintext = [UInt8](repeating: 0, count: sealed.ciphertext.count)
      var written: Int32 = 0
      if !sealed.ciphertext.isEmpty {
        try OpenSSLErrors.check(
          EVP_DecryptUpdate(
            context, &plaintext, &written, sealed.ciphertext, Int32(sealed.ciphertext.count)),
          "EVP_DecryptUpdate")
      }
      var tag = sealed.tag
      try OpenSSLErrors.check(
        EVP_CIPHER_CTX_ctrl(context, EVP_CTRL_GCM_SET_TAG, Int32(tagByteCount), &tag),
        "EVP_CTRL_GCM_SET_TAG")
      var finalBytes = [UInt8](repeating: 0, count: 16)
      var finalCount: Int32 = 0
      guard EVP_DecryptFinal_ex(context, &finalBytes, &finalCount) == 1 else {
        // The tag did not match: erase what Update decrypted so it cannot leak out.
        OpenSSLErrors.clear()
        for index in plaintext.indices { plaintext[index] = 0 }
        throw CryptoError.authenticationFailed
      }
      return plaintext
    }
  }

  private static func checkLength(_ bytes: [UInt8]) throws {
    guard bytes.count <= Int(Int32.max) else { throw CryptoError.inputTooLarge(bytes: bytes.count) }
  }

  private static func withCipherContext<Result>(
    _ body: (OpaquePointer) throws -> Result
  ) throws -> Result {
    OpenSSLErrors.clear()
    let context = try OpenSSLErrors.check(EVP_CIPHER_CTX_new(), "EVP_CIPHER_CTX_new")
    defer { EVP_CIPHER_CTX_free(context) }
    return try body(context)
  }
}

/// The AES-256-GCM implementation, fetched from OpenSSL's providers once per process.
///
/// GCM with a caller-given nonce draws no randomness, so the default library context serves
/// seeded runs too.
final class GCMCipher: @unchecked Sendable {
  // Sendable: a fetched EVP_CIPHER is immutable and OpenSSL allows sharing it between threads.
  static let shared = GCMCipher()

  let pointer: OpaquePointer?

  private init() {
    pointer = EVP_CIPHER_fetch(nil, "AES-256-GCM", nil)
  }

  deinit {
    EVP_CIPHER_free(pointer)
  }

  /// The shared cipher, or the error that kept OpenSSL from providing it.
  static func fetched() throws -> OpaquePointer {
    guard let pointer = shared.pointer else {
      throw CryptoError.openSSL(
        operation: "EVP_CIPHER_fetch(AES-256-GCM)", reason: "no provider offers AES-256-GCM")
    }
    return pointer
  }
}
