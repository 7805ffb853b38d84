internal import COpenSSL

/// HKDF with SHA-256 (RFC 5869): turns demo 3's X25519 shared secret into session keys.
///
/// A Diffie-Hellman secret is not uniformly random, and one secret must give several keys
/// (one per direction). HKDF first extracts a pseudorandom key from `secret` and `salt`, then
/// expands it into as many bytes as asked, bound to `info`: different `info` gives unrelated
/// keys from the same secret.
public enum HKDF {
  /// SHA-256's output size, HKDF-SHA256's unit of expansion.
  public static let hashByteCount = 32
  /// RFC 5869's limit: at most 255 blocks of the hash's output.
  public static let maximumOutputByteCount = 255 * hashByteCount

  /// Derives `outputByteCount` bytes (1 to 8160) from `secret`, with `salt` (empty means
  /// 32 zero bytes, per RFC 5869) and context `info`.
  ///
  /// Draws no randomness, so it runs in OpenSSL's default library context.
  public static func deriveKey(
    secret: [UInt8], salt: [UInt8], info: [UInt8], outputByteCount: Int
  ) throws -> [UInt8] {
    guard (1...maximumOutputByteCount).contains(outputByteCount) else {
      throw CryptoError.lengthOutOfRange(
        what: "an HKDF-SHA256 output", range: 1...maximumOutputByteCount,
        actual: outputByteCount)
    }
    // EVP_PKEY's "HKDF" runs OpenSSL's EVP_KDF HKDF with the same parameters; it is used
    // because the COpenSSL shim does not include <openssl/kdf.h>, where EVP_KDF is declared.
    OpenSSLErrors.clear()
    let operation = try OpenSSLErrors.check(
      EVP_PKEY_CTX_new_from_name(nil, "HKDF", nil), "EVP_PKEY_CTX_new_from_name(HKDF)")
    defer { EVP_PKEY_CTX_free(operation) }
    try OpenSSLErrors.check(EVP_PKEY_derive_init(operation), "EVP_PKEY_derive_init")
    // One parameter per call: OpenSSL copies each value, so no pointer outlives its closure.
    try setString(OSSL_KDF_PARAM_DIGEST, "SHA256", on: operation)
    try setBytes(OSSL_KDF_PARAM_KEY, secret, on: operation)
    try setBytes(OSSL_KDF_PARAM_SALT, salt, on: operation)
    try setBytes(OSSL_KDF_PARAM_INFO, info, on: operation)
    var length = outputByteCount
    var output = [UInt8](repeating: 0, count: length)
    try OpenSSLErrors.check(EVP_PKEY_derive(operation, &output, &length), "EVP_PKEY_derive")
    guard length == outputByteCount else {
      throw CryptoError.openSSL(
        operation: "EVP_PKEY_derive", reason: "unexpected HKDF output length \(length)")
    }
    return output
  }

  /// Sets one UTF-8 string parameter, such as the digest's name.
  private static func setString(
    _ name: String, _ value: String, on operation: OpaquePointer
  ) throws {
    var value = Array(value.utf8CString)
    // An OSSL_PARAM keeps a pointer to its key's C string: build and use it inside the closure.
    let status = name.withCString { key in
      value.withUnsafeMutableBufferPointer { buffer in
        var parameters = [
          OSSL_PARAM_construct_utf8_string(key, buffer.baseAddress, 0),
          OSSL_PARAM_construct_end(),
        ]
        return EVP_PKEY_CTX_set_params(operation, &parameters)
      }
    }
    try OpenSSLErrors.check(status, "EVP_PKEY_CTX_set_params(\(name))")
  }

  /// Sets one byte-string parameter (key, salt or info), which may be empty.
  private static func setBytes(
    _ name: String, _ bytes: [UInt8], on operation: OpaquePointer
  ) throws {
    // OpenSSL refuses a NULL data pointer even for zero bytes, and an empty Swift array may
    // have no storage: give it one byte of storage and pass a length of zero.
    var storage = bytes.isEmpty ? [0] : bytes
    let status = name.withCString { key in
      storage.withUnsafeMutableBytes { buffer in
        var parameters = [
          OSSL_PARAM_construct_octet_string(key, buffer.baseAddress, bytes.count),
          OSSL_PARAM_construct_end(),
        ]
        return EVP_PKEY_CTX_set_params(operation, &parameters)
      }
    }
    try OpenSSLErrors.check(status, "EVP_PKEY_CTX_set_params(\(name))")
  }
}
