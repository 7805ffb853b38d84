internal import COpenSSL

/// Owns one OpenSSL `EVP_PKEY` and frees it exactly once, when the last Swift value holding it
/// goes away.
final class PKeyHandle: @unchecked Sendable {
  // Sendable: after construction the key is only read; OpenSSL allows concurrent use of one
  // EVP_PKEY for encryption, decryption and export from several threads.

  let pointer: OpaquePointer

  /// Takes ownership of a key that OpenSSL just returned; the caller must not free it.
  init(takingOwnershipOf pointer: OpaquePointer) {
    self.pointer = pointer
  }

  deinit {
    EVP_PKEY_free(pointer)
  }

  /// The size of the key in bits (the RSA modulus size).
  var bits: Int { Int(EVP_PKEY_get_bits(pointer)) }

  /// Whether OpenSSL considers this key to be of algorithm `name`, such as "RSA".
  func isA(_ name: String) -> Bool { EVP_PKEY_is_a(pointer, name) == 1 }

  /// OpenSSL's name for the key's algorithm, for error messages.
  var typeName: String {
    guard let name = EVP_PKEY_get0_type_name(pointer) else { return "unknown" }
    return String(cString: name)
  }

  /// A big-number parameter of the key (such as "n" or "e") as big-endian bytes.
  func bigNumberParameter(_ name: String) throws -> [UInt8] {
    var number: OpaquePointer? = nil
    OpenSSLErrors.clear()
    try OpenSSLErrors.check(
      EVP_PKEY_get_bn_param(pointer, name, &number), "EVP_PKEY_get_bn_param(\(name))")
    guard let number else { throw OpenSSLErrors.error("EVP_PKEY_get_bn_param(\(name))") }
    defer { BN_free(number) }
    var bytes = [UInt8](repeating: 0, count: Int((BN_num_bits(number) + 7) / 8))
    _ = BN_bn2bin(number, &bytes)
    return bytes
  }

  /// The private key as unencrypted PKCS#8 PEM (`-----BEGIN PRIVATE KEY-----`).
  func privateKeyPEM() throws -> [UInt8] {
    try MemoryBIO.writing { bio in
      try OpenSSLErrors.check(
        PEM_write_bio_PrivateKey(bio, pointer, nil, nil, 0, nil, nil), "PEM_write_bio_PrivateKey")
    }
  }

  /// Runs `body` with a fresh `EVP_PKEY_CTX` for this key in `context`, freed afterwards.
  func withOperationContext<Result>(
    in context: CryptoContext, _ body: (OpaquePointer) throws -> Result
  ) throws -> Result {
    OpenSSLErrors.clear()
    let operation = try OpenSSLErrors.check(
      EVP_PKEY_CTX_new_from_pkey(context.libraryContext, pointer, nil),
      "EVP_PKEY_CTX_new_from_pkey")
    defer { EVP_PKEY_CTX_free(operation) }
    return try body(operation)
  }
}
