internal import COpenSSL

/// X25519 Diffie-Hellman (RFC 7748): demo 3's ephemeral key agreement.
///
/// Each side makes a fresh key pair and sends its 32-byte public key. Each then combines its
/// own private key with the other's public key, and both arrive at the same 32-byte shared
/// secret, which someone who saw only the two public keys cannot compute. The secret is not a
/// key yet: demo 3 passes it through HKDF first.
public enum X25519 {
  /// Private keys, public keys and shared secrets are all 32 bytes.
  public static let byteCount = 32

  /// An X25519 private key: a 32-byte scalar. Demo 3 makes a new one for every connection.
  public struct PrivateKey: Sendable {
    let handle: PKeyHandle
    let context: CryptoContext
    /// The public half, to send to the peer.
    public let publicKey: PublicKey

    /// Generates a key pair with randomness from `context`.
    public init(context: CryptoContext = .system) throws {
      try self.init(handle: .generating("X25519", context: context), context: context)
    }

    /// Imports a raw 32-byte private key, as `rawRepresentation` gives it.
    ///
    /// Any 32 bytes are a valid key: X25519 clamps the scalar when it uses it.
    public init(rawRepresentation: [UInt8], context: CryptoContext = .system) throws {
      try CryptoError.checkSize(
        rawRepresentation.count, is: X25519.byteCount, for: "an X25519 private key")
      let handle = try PKeyHandle.rawPrivate(rawRepresentation, type: "X25519", context: context)
      try self.init(handle: handle, context: context)
    }

    private init(handle: PKeyHandle, context: CryptoContext) throws {
      self.handle = handle
      self.context = context
      publicKey = try PublicKey(rawRepresentation: handle.rawPublicKey)
    }

    /// The raw 32-byte private key. Never send this.
    public var rawRepresentation: [UInt8] { handle.rawPrivateKey }

    /// The 32-byte secret shared with the owner of `peer`.
    ///
    /// Throws `CryptoError.keyAgreementFailed` when `peer` is a low-order point (such as all
    /// zeros): with such a key the "secret" is all zeros whatever the private key, so an
    /// attacker who substitutes it would know the result.
    public func sharedSecret(with peer: PublicKey) throws -> [UInt8] {
      // Made in this key's library context, so both keys come from the same provider.
      let peerHandle = try PKeyHandle.rawPublic(
        peer.rawRepresentation, type: "X25519", context: context)
      return try handle.withOperationContext(in: context) { operation in
        try OpenSSLErrors.check(EVP_PKEY_derive_init(operation), "EVP_PKEY_derive_init")
        try OpenSSLErrors.check(
          EVP_PKEY_derive_set_peer(operation, peerHandle.pointer), "EVP_PKEY_derive_set_peer")
        var length = X25519.byteCount
        var secret = [UInt8](repeating: 0, count: length)
        guard EVP_PKEY_derive(operation, &secret, &length) == 1 else {
          // OpenSSL 3 itself refuses an all-zero result; with two well-formed keys that is the
          // only way this call fails.
          throw CryptoError.keyAgreementFailed(
            reason: "the peer's public key is a low-order point (OpenSSL: \(OpenSSLErrors.drain()))"
          )
        }
        guard length == X25519.byteCount else {
          throw CryptoError.openSSL(
            operation: "EVP_PKEY_derive", reason: "unexpected shared secret length \(length)")
        }
        // Checked here too, so the rule does not depend on the OpenSSL version.
        guard secret.contains(where: { $0 != 0 }) else {
          throw CryptoError.keyAgreementFailed(
            reason: "the shared secret is all zeros: the peer's public key is a low-order point")
        }
        return secret
      }
    }
  }

  /// An X25519 public key: the 32 bytes each side sends in the clear.
  public struct PublicKey: Sendable, Hashable {
    /// The raw 32-byte public key (a curve point's u-coordinate, little-endian).
    public let rawRepresentation: [UInt8]

    /// Wraps a peer's raw public key; throws unless it has exactly 32 bytes.
    ///
    /// Low-order points are accepted here and refused by `PrivateKey.sharedSecret(with:)`.
    public init(rawRepresentation: [UInt8]) throws {
      try CryptoError.checkSize(
        rawRepresentation.count, is: X25519.byteCount, for: "an X25519 public key")
      self.rawRepresentation = rawRepresentation
    }
  }
}
