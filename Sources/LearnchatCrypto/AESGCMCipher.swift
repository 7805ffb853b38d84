internal import COpenSSL
import Synchronization

extension AESGCM {
  /// Seals many messages under one key, setting the key up once.
  ///
  /// OpenSSL's AES key expansion and GCM's hash-key set-up happen when the key is given; each
  /// message then only sets its nonce. Thread-safe: seals are serialized (a run of them in
  /// ``withSession(_:)`` takes the lock once).
  public final class Sealer: Sendable {
    let cipher: CipherContext

    /// A sealer for `key`.
    public init(key: Key) throws {
      cipher = try CipherContext(key: key, sealing: true)
    }

    /// Encrypts and authenticates `plaintext` under `nonce`; see `AESGCM.seal`.
    public func seal(_ plaintext: [UInt8], nonce: Nonce, associatedData: [UInt8] = []) throws
      -> SealedMessage
    {
      var sealed = [UInt8](repeating: 0, count: plaintext.count + tagByteCount)
      try plaintext.withUnsafeBytes { plaintext in
        try associatedData.withUnsafeBytes { associatedData in
          try nonce.bytes.withUnsafeBytes { nonce in
            try sealed.withUnsafeMutableBytes { output in
              try withSession {
                try $0.seal(plaintext, nonce: nonce, associatedData: associatedData, into: output)
              }
            }
          }
        }
      }
      return try SealedMessage(
        nonce: nonce, ciphertext: Array(sealed[..<plaintext.count]),
        tag: Array(sealed[plaintext.count...]))
    }
  }
}

extension AESGCM.Sealer {
  /// Seals `plaintext` and appends `nonce || ciphertext || tag` (demo 2's frame body) to
  /// `output`, writing straight into it: no array per message for the ciphertext or the tag.
  public func seal(
    _ plaintext: UnsafeRawBufferPointer, nonce: AESGCM.Nonce, appendingTo output: inout [UInt8]
  ) throws {
    try AESGCM.checkLength(plaintext.count)
    let start = output.count
    output += nonce.bytes
    output += repeatElement(0, count: plaintext.count + AESGCM.tagByteCount)
    try output.withUnsafeMutableBytes { buffer in
      let sealed = UnsafeMutableRawBufferPointer(
        rebasing: buffer[(start + AESGCM.nonceByteCount)...])
      try nonce.bytes.withUnsafeBytes { nonce in
        try withSession { try $0.seal(plaintext, nonce: nonce, into: sealed) }
      }
    }
  }
}

extension AESGCM {
  /// Opens many messages under one key, setting the key up once. Thread-safe.
  public final class Opener: Sendable {
    let cipher: CipherContext

    /// An opener for `key`.
    public init(key: Key) throws {
      cipher = try CipherContext(key: key, sealing: false)
    }

    /// Checks the tag and, only if it matches, returns the plaintext; see `AESGCM.open`.
    public func open(_ sealed: SealedMessage, associatedData: [UInt8] = []) throws -> [UInt8] {
      var plaintext = [UInt8](repeating: 0, count: sealed.ciphertext.count)
      try sealed.ciphertext.withUnsafeBytes { ciphertext in
        try sealed.tag.withUnsafeBytes { tag in
          try sealed.nonce.bytes.withUnsafeBytes { nonce in
            try associatedData.withUnsafeBytes { associatedData in
              try plaintext.withUnsafeMutableBytes { output in
                try withSession {
                  try $0.open(
                    ciphertext, tag: tag, nonce: nonce, associatedData: associatedData,
                    into: output)
                }
              }
            }
          }
        }
      }
      return plaintext
    }
  }
}

extension AESGCM.Opener {
  /// Opens demo 2's frame body `nonce (12) || ciphertext || tag (16)` where it lies, without
  /// splitting it into arrays first; see `open(_:associatedData:)`.
  ///
  /// - Throws: `CryptoError.invalidSize` for a body shorter than 28 bytes;
  ///   `CryptoError.authenticationFailed` when the tag does not match.
  public func open(combined body: [UInt8]) throws -> [UInt8] {
    var plaintext: [UInt8] = []
    try body.withUnsafeBytes { body in
      try withSession { try $0.open(combined: body, into: &plaintext) }
    }
    return plaintext
  }
}

/// One OpenSSL cipher context holding an AES-256-GCM key, reused message after message, and
/// freed exactly once.
final class CipherContext: Sendable {
  // The pointer is only used while `lock` is held (OpenSSL contexts are not thread-safe): for one
  // call, or for a run of calls in a session (`withSession`), whose session type cannot escape.
  private nonisolated(unsafe) let context: OpaquePointer
  private let lock = Mutex(())

  init(key: AESGCM.Key, sealing: Bool) throws {
    OpenSSLErrors.clear()
    let context = try OpenSSLErrors.check(EVP_CIPHER_CTX_new(), "EVP_CIPHER_CTX_new")
    let cipher: OpaquePointer
    do {
      cipher = try GCMCipher.fetched()
      let status =
        sealing
        ? EVP_EncryptInit_ex2(context, cipher, key.bytes, nil, nil)
        : EVP_DecryptInit_ex2(context, cipher, key.bytes, nil, nil)
      try OpenSSLErrors.check(status, sealing ? "EVP_EncryptInit_ex2" : "EVP_DecryptInit_ex2")
    } catch {
      EVP_CIPHER_CTX_free(context)
      throw error
    }
    self.context = context
  }

  deinit {
    EVP_CIPHER_CTX_free(context)
  }

  func withContext<Result>(_ body: (OpaquePointer) throws -> Result) throws -> Result {
    try lock.withLock { _ in
      OpenSSLErrors.clear()
      return try body(context)
    }
  }
}
