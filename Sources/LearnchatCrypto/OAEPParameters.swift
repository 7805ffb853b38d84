internal import COpenSSL

/// Demo 2's RSA-OAEP parameters, exactly as the original's `padding.OAEP(...)`: SHA-256 as the
/// hash, MGF1 with SHA-256 as the mask function, no label.
enum OAEPParameters {
  static let digestName = "SHA256"

  /// Sets OAEP padding and its digests on an initialised encrypt or decrypt operation.
  static func apply(to operation: OpaquePointer) throws {
    try OpenSSLErrors.check(
      EVP_PKEY_CTX_set_rsa_padding(operation, RSA_PKCS1_OAEP_PADDING),
      "EVP_PKEY_CTX_set_rsa_padding")
    try OpenSSLErrors.check(
      EVP_PKEY_CTX_set_rsa_oaep_md_name(operation, digestName, nil),
      "EVP_PKEY_CTX_set_rsa_oaep_md_name")
    try OpenSSLErrors.check(
      EVP_PKEY_CTX_set_rsa_mgf1_md_name(operation, digestName, nil),
      "EVP_PKEY_CTX_set_rsa_mgf1_md_name")
  }
}
