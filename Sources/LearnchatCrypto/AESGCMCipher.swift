internal import COpenSSL
import Synchronization

extension AESGCM {
  /// Seals many messages under one key, setting the key up once.
  ///
  /// OpenSSL's AES key expansion and GCM's hash-key set-up happen when the key is given; each
  /// message then only sets its nonce. Thread-safe: seals are serialized.
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
      try checkLength(plaintext)
      try checkLength(associatedData)
      return try cipher.withContext { context in
        try OpenSSLErrors.check(
          EVP_EncryptInit_ex2(context, nil, nil, nonce.bytes, nil), "EVP_EncryptInit_ex2")
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
        var finalCount: Int32 = 0
        var unused: UInt8 = 0
        try OpenSSLErrors.check(
          EVP_EncryptFinal_ex(context, &unused, &finalCount), "EVP_EncryptFinal_ex")
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
  }

}

extension AESGCM.Sealer {
  /// Seals `plaintext` and appends `nonce || ciphertext || tag` (demo 2's frame body) to
  /// `output`, writing straight into it: no array per message for the ciphertext or the tag.
  public func seal(
    _ plaintext: UnsafeRawBufferPointer, nonce: AESGCM.Nonce, appendingTo output: inout [UInt8]
  ) throws {
    guard plaintext.count <= Int(Int32.max) else {
      throw CryptoError.inputTooLarge(bytes: plaintext.count)
    }
    let start = output.count
    output += nonce.bytes
    output += repeatElement(0, count: plaintext.count + AESGCM.tagByteCount)
    try output.withUnsafeMutableBufferPointer { buffer in
      guard let base = buffer.baseAddress else { return }
      let ciphertext = base + start + AESGCM.nonceByteCount
      try cipher.withContext { context in
        try OpenSSLErrors.check(
          EVP_EncryptInit_ex2(context, nil, nil, nonce.bytes, nil), "EVP_EncryptInit_ex2")
        var written: Int32 = 0
        if plaintext.count > 0 {
          try OpenSSLErrors.check(
            EVP_EncryptUpdate(
              context, ciphertext, &written, plaintext.bindMemory(to: UInt8.self).baseAddress,
              Int32(plaintext.count)),
            "EVP_EncryptUpdate")
        }
        var finalCount: Int32 = 0
        try OpenSSLErrors.check(
          EVP_EncryptFinal_ex(context, ciphertext + Int(written), &finalCount),
          "EVP_EncryptFinal_ex")
        guard Int(written) == plaintext.count, finalCount == 0 else {
          throw CryptoError.openSSL(
            operation: "EVP_EncryptUpdate", reason: "unexpected ciphertext length")
        }
        try OpenSSLErrors.check(
          EVP_CIPHER_CTX_ctrl(
            context, EVP_CTRL_GCM_GET_TAG, Int32(AESGCM.tagByteCount),
            ciphertext + plaintext.count),
          "EVP_CTRL_GCM_GET_TAG")
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
      try checkLength(sealed.ciphertext)
      try checkLength(associatedData)
      return try cipher.withContext { context in
        try OpenSSLErrors.check(
          EVP_DecryptInit_ex2(context, nil, nil, sealed.nonce.bytes, nil), "EVP_DecryptInit_ex2")
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
        var finalCount: Int32 = 0
        var unused: UInt8 = 0
        guard EVP_DecryptFinal_ex(context, &unused, &finalCount) == 1 else {
          // The tag did not match: erase what Update decrypted so it cannot leak out.
          OpenSSLErrors.clear()
          for index in plaintext.indices { plaintext[index] = 0 }
          throw CryptoError.authenticationFailed
        }
        return plaintext
      }
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
    let overhead = AESGCM.nonceByteCount + AESGCM.tagByteCount
    guard body.count >= overhead else {
      throw CryptoError.invalidSize(
        what: "an AES-GCM body (at least)", expected: overhead, actual: body.count)
    }
    try AESGCM.checkLength(body)
    let length = body.count - overhead
    var plaintext = [UInt8](repeating: 0, count: length)
    let opened = try body.withUnsafeBufferPointer { bytes in
      try plaintext.withUnsafeMutableBufferPointer { output in
        try cipher.withContext { context in
          guard let base = bytes.baseAddress else { return false }
          let ciphertext = base + AESGCM.nonceByteCount
          try OpenSSLErrors.check(
            EVP_DecryptInit_ex2(context, nil, nil, base, nil), "EVP_DecryptInit_ex2")
          var written: Int32 = 0
          if length > 0 {
            try OpenSSLErrors.check(
              EVP_DecryptUpdate(context, output.baseAddress, &written, ciphertext, Int32(length)),
              "EVP_DecryptUpdate")
          }
          let tag = UnsafeMutableRawPointer(mutating: ciphertext + length)
          try OpenSSLErrors.check(
            EVP_CIPHER_CTX_ctrl(context, EVP_CTRL_GCM_SET_TAG, Int32(AESGCM.tagByteCount), tag),
            "EVP_CTRL_GCM_SET_TAG")
          var finalCount: Int32 = 0
          var unused: UInt8 = 0
          return EVP_DecryptFinal_ex(context, &unused, &finalCount) == 1
        }
      }
    }
    guard opened else {
      // The tag did not match: erase what Update decrypted so it cannot leak out.
      OpenSSLErrors.clear()
      for index in plaintext.indices { plaintext[index] = 0 }
      throw CryptoError.authenticationFailed
    }
    return plaintext
  }
}

/// One OpenSSL cipher context holding an AES-256-GCM key, reused message after message, and
/// freed exactly once.
final class CipherContext: Sendable {
  // The pointer is only used while `lock` is held; OpenSSL contexts are not thread-safe.
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
