internal import COpenSSL

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
  /// plaintexts and lets an attacker forge tags. To seal many messages under one key, keep a
  /// `Sealer`: it sets the key up once.
  public static func seal(
    _ plaintext: [UInt8], key: Key, nonce: Nonce, associatedData: [UInt8] = []
  ) throws -> SealedMessage {
    try Sealer(key: key).seal(plaintext, nonce: nonce, associatedData: associatedData)
  }

  /// Checks the tag and, only if it matches, returns the plaintext. To open many messages
  /// under one key, keep an `Opener`.
  public static func open(
    _ sealed: SealedMessage, key: Key, associatedData: [UInt8] = []
  ) throws -> [UInt8] {
    try Opener(key: key).open(sealed, associatedData: associatedData)
  }

  static func checkLength(_ bytes: [UInt8]) throws {
    guard bytes.count <= Int(Int32.max) else { throw CryptoError.inputTooLarge(bytes: bytes.count) }
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
