internal import COpenSSL

/// Raw-byte keys (X25519, Ed25519): generating them, importing their 32-byte encodings and
/// reading those encodings back.
///
/// RFC 7748 and RFC 8032 define these keys as plain byte strings, so unlike RSA they need no
/// DER structure to travel; OpenSSL's "raw" functions take and give exactly those bytes.
extension PKeyHandle {
  /// A fresh key of algorithm `name` ("X25519" or "ED25519") with randomness from `context`.
  static func generating(_ name: String, context: CryptoContext) throws -> PKeyHandle {
    // The private key is 32 random bytes from the context's private generator.
    try context.prepareCurrentThread()
    OpenSSLErrors.clear()
    let generation = try OpenSSLErrors.check(
      EVP_PKEY_CTX_new_from_name(context.libraryContext, name, nil),
      "EVP_PKEY_CTX_new_from_name(\(name))")
    defer { EVP_PKEY_CTX_free(generation) }
    try OpenSSLErrors.check(EVP_PKEY_keygen_init(generation), "EVP_PKEY_keygen_init")
    var key: OpaquePointer? = nil
    try OpenSSLErrors.check(EVP_PKEY_generate(generation, &key), "EVP_PKEY_generate")
    return PKeyHandle(takingOwnershipOf: try OpenSSLErrors.check(key, "EVP_PKEY_generate"))
  }

  /// Imports a raw private key (an X25519 scalar or an Ed25519 seed); the public half is
  /// computed from it.
  static func rawPrivate(
    _ bytes: [UInt8], type name: String, context: CryptoContext
  ) throws -> PKeyHandle {
    OpenSSLErrors.clear()
    let pointer = EVP_PKEY_new_raw_private_key_ex(
      context.libraryContext, name, nil, bytes, bytes.count)
    return PKeyHandle(
      takingOwnershipOf: try OpenSSLErrors.check(pointer, "EVP_PKEY_new_raw_private_key_ex"))
  }

  /// Imports a raw public key.
  static func rawPublic(
    _ bytes: [UInt8], type name: String, context: CryptoContext
  ) throws -> PKeyHandle {
    OpenSSLErrors.clear()
    let pointer = EVP_PKEY_new_raw_public_key_ex(
      context.libraryContext, name, nil, bytes, bytes.count)
    return PKeyHandle(
      takingOwnershipOf: try OpenSSLErrors.check(pointer, "EVP_PKEY_new_raw_public_key_ex"))
  }

  /// The raw private key. Only for keys made by `generating` or `rawPrivate`, which always
  /// hold one: failing here is a programming error, not something input can cause.
  var rawPrivateKey: [UInt8] {
    var length = 0
    precondition(
      EVP_PKEY_get_raw_private_key(pointer, nil, &length) == 1, "not a raw-byte private key")
    var bytes = [UInt8](repeating: 0, count: length)
    precondition(EVP_PKEY_get_raw_private_key(pointer, &bytes, &length) == 1)
    return Array(bytes.prefix(length))
  }

  /// The raw public key; every raw-byte key, private or public, has one.
  var rawPublicKey: [UInt8] {
    var length = 0
    precondition(
      EVP_PKEY_get_raw_public_key(pointer, nil, &length) == 1, "not a raw-byte key")
    var bytes = [UInt8](repeating: 0, count: length)
    precondition(EVP_PKEY_get_raw_public_key(pointer, &bytes, &length) == 1)
    return Array(bytes.prefix(length))
  }
}
