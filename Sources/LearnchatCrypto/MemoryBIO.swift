internal import COpenSSL

/// OpenSSL memory BIOs, the in-memory streams its PEM reader and writer use.
enum MemoryBIO {
  /// Runs `body` with a read-only BIO over `bytes`; the BIO is freed afterwards.
  static func reading<Result>(
    _ bytes: [UInt8], _ body: (OpaquePointer) throws -> Result
  ) throws -> Result {
    guard bytes.count <= Int(Int32.max) else { throw CryptoError.inputTooLarge(bytes: bytes.count) }
    return try bytes.withUnsafeBytes { buffer in
      OpenSSLErrors.clear()
      let bio = try OpenSSLErrors.check(
        BIO_new_mem_buf(buffer.baseAddress, Int32(buffer.count)), "BIO_new_mem_buf")
      defer { BIO_free(bio) }
      return try body(bio)
    }
  }

  /// Runs `body` with an empty writable BIO and returns everything written into it.
  static func writing(_ body: (OpaquePointer) throws -> Void) throws -> [UInt8] {
    OpenSSLErrors.clear()
    let method = try OpenSSLErrors.check(BIO_s_mem(), "BIO_s_mem")
    let bio = try OpenSSLErrors.check(BIO_new(method), "BIO_new")
    defer { BIO_free(bio) }
    try body(bio)
    let pending = Int(BIO_ctrl_pending(bio))
    var output = [UInt8](repeating: 0, count: pending)
    let read = output.withUnsafeMutableBytes { buffer in
      BIO_read(bio, buffer.baseAddress, Int32(buffer.count))
    }
    guard read == pending else { throw OpenSSLErrors.error("BIO_read") }
    return output
  }
}

/// The pass-phrase callback for every PEM read: it refuses, so an encrypted PEM fails to read.
///
/// With no callback, OpenSSL asks for a pass phrase on the terminal (or reads a line of standard
/// input) as soon as a PEM block says `Proc-Type: 4,ENCRYPTED`, and a demo-2 server's public-key
/// frame can say so: the client would hang at `Enter PEM pass phrase:`. A global function, as a
/// C function pointer must be.
func refusePassphrase(
  _ buffer: UnsafeMutablePointer<CChar>?, _ size: Int32, _ writing: Int32,
  _ userData: UnsafeMutableRawPointer?
) -> Int32 { -1 }
