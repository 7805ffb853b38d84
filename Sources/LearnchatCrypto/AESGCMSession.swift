internal import COpenSSL

extension AESGCM {
  /// A ``Sealer``'s cipher context, lent to one thread for a run of messages by
  /// ``Sealer/withSession(_:)``: each seal sets only the nonce, and takes no lock.
  ///
  /// Noncopyable and lent `borrowing`, so it cannot be kept past the run (the context is only
  /// safe to use while the sealer's lock is held).
  public struct SealingSession: ~Copyable {
    let context: OpaquePointer

    /// Encrypts and authenticates `plaintext` under `nonce` (12 bytes), writing the ciphertext
    /// and then the 16-byte tag into `output`, which must be exactly that long.
    ///
    /// Never seal two messages with the same key and nonce (see ``AESGCM/seal(_:key:nonce:associatedData:)``).
    public func seal(
      _ plaintext: UnsafeRawBufferPointer, nonce: UnsafeRawBufferPointer,
      associatedData: UnsafeRawBufferPointer = UnsafeRawBufferPointer(start: nil, count: 0),
      into output: UnsafeMutableRawBufferPointer
    ) throws {
      precondition(nonce.count == nonceByteCount, "an AES-GCM nonce is 12 bytes")
      precondition(output.count == plaintext.count + tagByteCount, "room for ciphertext and tag")
      try checkLength(plaintext.count)
      try checkLength(associatedData.count)
      let ciphertext = output.baseAddress!.assumingMemoryBound(to: UInt8.self)
      try OpenSSLErrors.check(
        EVP_EncryptInit_ex2(context, nil, nil, bytes(nonce), nil), "EVP_EncryptInit_ex2")
      var written: Int32 = 0
      if associatedData.count > 0 {
        try OpenSSLErrors.check(
          EVP_EncryptUpdate(
            context, nil, &written, bytes(associatedData), Int32(associatedData.count)),
          "EVP_EncryptUpdate(associated data)")
      }
      written = 0
      if plaintext.count > 0 {
        try OpenSSLErrors.check(
          EVP_EncryptUpdate(
            context, ciphertext, &written, bytes(plaintext), Int32(plaintext.count)),
          "EVP_EncryptUpdate")
      }
      var finalCount: Int32 = 0
      try OpenSSLErrors.check(
        EVP_EncryptFinal_ex(context, ciphertext + Int(written), &finalCount),
        "EVP_EncryptFinal_ex")
      // GCM is a stream mode: Update already produced every ciphertext byte.
      guard Int(written) == plaintext.count, finalCount == 0 else {
        throw CryptoError.openSSL(
          operation: "EVP_EncryptUpdate", reason: "unexpected ciphertext length")
      }
      try OpenSSLErrors.check(
        EVP_CIPHER_CTX_ctrl(
          context, EVP_CTRL_GCM_GET_TAG, Int32(tagByteCount), ciphertext + plaintext.count),
        "EVP_CTRL_GCM_GET_TAG")
    }
  }

  /// An ``Opener``'s cipher context, lent to one thread for a run of messages by
  /// ``Opener/withSession(_:)``: each open sets only the nonce and tag, and takes no lock.
  ///
  /// Noncopyable and lent `borrowing`, so it cannot be kept past the run.
  public struct OpeningSession: ~Copyable {
    let context: OpaquePointer

    /// Checks `tag` (16 bytes) over `ciphertext` and `associatedData` under `nonce` (12 bytes)
    /// and, only if it matches, leaves the plaintext in `output`, which must be exactly as long
    /// as `ciphertext` (it may be the same memory: GCM decrypts in place).
    ///
    /// - Throws: `CryptoError.authenticationFailed` when the tag does not match; `output` is then
    ///   all zeros, so nothing decrypted from a forgery leaks out.
    public func open(
      _ ciphertext: UnsafeRawBufferPointer, tag: UnsafeRawBufferPointer,
      nonce: UnsafeRawBufferPointer,
      associatedData: UnsafeRawBufferPointer = UnsafeRawBufferPointer(start: nil, count: 0),
      into output: UnsafeMutableRawBufferPointer
    ) throws {
      precondition(nonce.count == nonceByteCount, "an AES-GCM nonce is 12 bytes")
      precondition(output.count == ciphertext.count, "room for the plaintext")
      try CryptoError.checkSize(tag.count, is: tagByteCount, for: "an AES-GCM tag")
      try checkLength(ciphertext.count)
      try checkLength(associatedData.count)
      try OpenSSLErrors.check(
        EVP_DecryptInit_ex2(context, nil, nil, bytes(nonce), nil), "EVP_DecryptInit_ex2")
      var written: Int32 = 0
      if associatedData.count > 0 {
        try OpenSSLErrors.check(
          EVP_DecryptUpdate(
            context, nil, &written, bytes(associatedData), Int32(associatedData.count)),
          "EVP_DecryptUpdate(associated data)")
      }
      written = 0
      if ciphertext.count > 0 {
        try OpenSSLErrors.check(
          EVP_DecryptUpdate(
            context, output.baseAddress!.assumingMemoryBound(to: UInt8.self), &written,
            bytes(ciphertext), Int32(ciphertext.count)),
          "EVP_DecryptUpdate")
      }
      // OpenSSL only reads the tag, though its signature asks for a mutable pointer.
      try OpenSSLErrors.check(
        EVP_CIPHER_CTX_ctrl(
          context, EVP_CTRL_GCM_SET_TAG, Int32(tagByteCount),
          UnsafeMutableRawPointer(mutating: tag.baseAddress)),
        "EVP_CTRL_GCM_SET_TAG")
      var finalCount: Int32 = 0
      var unused: UInt8 = 0
      guard EVP_DecryptFinal_ex(context, &unused, &finalCount) == 1 else {
        // The tag did not match: erase what Update decrypted so it cannot leak out.
        OpenSSLErrors.clear()
        output.initializeMemory(as: UInt8.self, repeating: 0)
        throw CryptoError.authenticationFailed
      }
    }
  }
}

extension AESGCM.OpeningSession {
  /// Opens as the open into a raw buffer does, leaving the plaintext in `plaintext`, whose
  /// storage is reused: once it has been as long, opening allocates nothing.
  public func open(
    _ ciphertext: UnsafeRawBufferPointer, tag: UnsafeRawBufferPointer,
    nonce: UnsafeRawBufferPointer,
    associatedData: UnsafeRawBufferPointer = UnsafeRawBufferPointer(start: nil, count: 0),
    into plaintext: inout [UInt8]
  ) throws {
    plaintext.resize(to: ciphertext.count)
    try plaintext.withUnsafeMutableBytes { output in
      try open(ciphertext, tag: tag, nonce: nonce, associatedData: associatedData, into: output)
    }
  }

  /// Opens demo 2's frame body `nonce (12) || ciphertext || tag (16)` where it lies, leaving the
  /// plaintext in `plaintext` (its storage reused).
  ///
  /// - Throws: `CryptoError.invalidSize` for a body shorter than 28 bytes;
  ///   `CryptoError.authenticationFailed` when the tag does not match.
  public func open(combined body: UnsafeRawBufferPointer, into plaintext: inout [UInt8]) throws {
    let overhead = AESGCM.nonceByteCount + AESGCM.tagByteCount
    guard body.count >= overhead else {
      throw CryptoError.invalidSize(
        what: "an AES-GCM body (at least)", expected: overhead, actual: body.count)
    }
    let tagStart = body.count - AESGCM.tagByteCount
    try open(
      UnsafeRawBufferPointer(rebasing: body[AESGCM.nonceByteCount..<tagStart]),
      tag: UnsafeRawBufferPointer(rebasing: body[tagStart...]),
      nonce: UnsafeRawBufferPointer(rebasing: body[..<AESGCM.nonceByteCount]), into: &plaintext)
  }
}

extension AESGCM.Sealer {
  /// Runs `body` with this sealer's cipher context for a run of seals that take no lock each;
  /// other users of this sealer wait until `body` returns.
  public func withSession<Result>(_ body: (borrowing AESGCM.SealingSession) throws -> Result)
    throws -> Result
  {
    try cipher.withContext { try body(AESGCM.SealingSession(context: $0)) }
  }
}

extension AESGCM.Opener {
  /// Runs `body` with this opener's cipher context for a run of opens that take no lock each;
  /// other users of this opener wait until `body` returns.
  public func withSession<Result>(_ body: (borrowing AESGCM.OpeningSession) throws -> Result)
    throws -> Result
  {
    try cipher.withContext { try body(AESGCM.OpeningSession(context: $0)) }
  }
}

extension AESGCM {
  /// OpenSSL's length arguments are `int`s.
  static func checkLength(_ count: Int) throws {
    guard count <= Int(Int32.max) else { throw CryptoError.inputTooLarge(bytes: count) }
  }
}

extension [UInt8] {
  /// Makes the array `count` long, keeping its storage; new bytes are zeros, and bytes kept are
  /// not rewritten (a message as long as the last one costs no memset).
  mutating func resize(to count: Int) {
    if self.count > count {
      removeLast(self.count - count)
    } else if self.count < count {
      append(contentsOf: repeatElement(0, count: count - self.count))
    }
  }
}

/// The bytes of `buffer` as OpenSSL's `const unsigned char *`; nil for an empty buffer.
private func bytes(_ buffer: UnsafeRawBufferPointer) -> UnsafePointer<UInt8>? {
  buffer.baseAddress?.assumingMemoryBound(to: UInt8.self)
}
