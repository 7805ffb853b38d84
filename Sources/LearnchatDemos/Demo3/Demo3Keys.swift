import LearnchatCrypto

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// Demo 3's labels, sizes and key schedule (see docs/demo-3-protocol.md).
public enum Demo3 {
  /// Prefixed to what the server signs and to the transcript hash.
  static let handshakeLabel = Array("learnchat demo 3 handshake".utf8)
  /// Starts the HKDF info of the key the client sends with; the transcript hash follows.
  static let clientToServerLabel = Array("learnchat demo 3 client to server".utf8)
  /// Starts the HKDF info of the key the server sends with; the transcript hash follows.
  static let serverToClientLabel = Array("learnchat demo 3 server to client".utf8)

  /// ClientHello: the client's ephemeral X25519 public key.
  public static let clientHelloSize = X25519.byteCount
  /// ServerHello: identity key, server ephemeral key, signature.
  public static let serverHelloSize =
    Ed25519.keyByteCount + X25519.byteCount + Ed25519.signatureByteCount

  /// The bytes the server signs.
  static func signedBytes(
    clientHello: [UInt8], identity: Ed25519.PublicKey, serverEphemeral: X25519.PublicKey
  ) -> [UInt8] {
    handshakeLabel + clientHello + identity.rawRepresentation + serverEphemeral.rawRepresentation
  }

  /// The session's two keys, one per direction.
  public struct SessionKeys: Sendable, Equatable {
    /// The key the client seals with and the server opens with.
    public let clientToServer: AESGCM.Key
    /// The key the server seals with and the client opens with.
    public let serverToClient: AESGCM.Key
    /// SHA-256 of the handshake, which ends each key's HKDF info.
    public let transcriptHash: [UInt8]
    /// The X25519 shared secret (shown by the lesson; never sent).
    public let sharedSecret: [UInt8]
  }

  /// Derives both directions' keys from the shared secret and the handshake's bytes.
  ///
  /// HKDF-SHA256 with no salt (RFC 5869: 32 zero bytes) extracts a pseudorandom key from the
  /// X25519 secret, which is not uniform; each key is then expanded with the info
  /// `label || transcript hash`. The transcript is context, so it goes in info, as TLS 1.3 puts
  /// its transcript hash in HKDF-Expand-Label's context (RFC 8446 section 7.1): extraction is
  /// analysed for a salt independent of the secret, and the transcript holds the very public
  /// keys the secret was computed from (docs/demo-3-protocol.md).
  static func sessionKeys(
    sharedSecret: [UInt8], clientHello: [UInt8], serverHello: [UInt8]
  ) throws -> SessionKeys {
    let transcript = try SHA256.hash(handshakeLabel + clientHello + serverHello)
    func key(_ label: [UInt8]) throws -> AESGCM.Key {
      try AESGCM.Key(
        HKDF.deriveKey(
          secret: sharedSecret, salt: [], info: label + transcript,
          outputByteCount: AESGCM.keyByteCount))
    }
    return SessionKeys(
      clientToServer: try key(clientToServerLabel), serverToClient: try key(serverToClientLabel),
      transcriptHash: transcript, sharedSecret: sharedSecret)
  }

  /// The fingerprint clients pin: `SHA256:` and the unpadded base64 of SHA-256 over the raw
  /// public key, as OpenSSH shows host keys.
  public static func fingerprint(of identity: Ed25519.PublicKey) throws -> String {
    let digest = try SHA256.hash(identity.rawRepresentation)
    let base64 = Data(digest).base64EncodedString().replacing("=", with: "")
    return "SHA256:" + base64
  }
}
