internal import COpenSSL

/// SHA-256 (FIPS 180-4): demo 3 hashes the handshake transcript and the server key's
/// fingerprint with it.
public enum SHA256 {
  /// The digest size: 32 bytes.
  public static let byteCount = 32

  /// The 32-byte SHA-256 digest of `data`.
  public static func hash(_ data: [UInt8]) throws -> [UInt8] {
    OpenSSLErrors.clear()
    let digest = try OpenSSLErrors.check(
      EVP_MD_fetch(nil, "SHA256", nil), "EVP_MD_fetch(SHA256)")
    defer { EVP_MD_free(digest) }
    var output = [UInt8](repeating: 0, count: byteCount)
    var length: UInt32 = 0
    try OpenSSLErrors.check(
      EVP_Digest(data, data.count, &output, &length, digest, nil), "EVP_Digest")
    guard length == byteCount else {
      throw CryptoError.openSSL(
        operation: "EVP_Digest", reason: "unexpected SHA-256 length \(length)")
    }
    return output
  }
}
