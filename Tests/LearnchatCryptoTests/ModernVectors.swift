import Foundation

/// The checked-in X25519, Ed25519, HKDF and SHA-256 values made by Python's `cryptography`
/// (see `Fixtures/make_modern_fixtures.py`).
struct ModernVectors: Decodable {
  let producer: String
  let x25519Private: String
  let x25519Public: String
  let x25519PeerPrivate: String
  let x25519PeerPublic: String
  let x25519SharedSecret: String
  let ed25519Private: String
  let ed25519Public: String
  let ed25519PrivatePEM: String
  let ed25519PublicPEM: String
  let ed25519Message: String
  let ed25519Signature: String
  let hkdfSecret: String
  let hkdfSalt: String
  let hkdfInfo: String
  let hkdfLength: Int
  let hkdfOutput: String
  let sha256Input: String
  let sha256Digest: String

  enum CodingKeys: String, CodingKey {
    case producer
    case x25519Private = "x25519_private"
    case x25519Public = "x25519_public"
    case x25519PeerPrivate = "x25519_peer_private"
    case x25519PeerPublic = "x25519_peer_public"
    case x25519SharedSecret = "x25519_shared_secret"
    case ed25519Private = "ed25519_private"
    case ed25519Public = "ed25519_public"
    case ed25519PrivatePEM = "ed25519_private_pem"
    case ed25519PublicPEM = "ed25519_public_pem"
    case ed25519Message = "ed25519_message"
    case ed25519Signature = "ed25519_signature"
    case hkdfSecret = "hkdf_secret"
    case hkdfSalt = "hkdf_salt"
    case hkdfInfo = "hkdf_info"
    case hkdfLength = "hkdf_length"
    case hkdfOutput = "hkdf_output"
    case sha256Input = "sha256_input"
    case sha256Digest = "sha256_digest"
  }

  static func load() throws -> ModernVectors {
    let file = PythonVectors.folder.appendingPathComponent("python-vectors-modern.json")
    return try JSONDecoder().decode(ModernVectors.self, from: Data(contentsOf: file))
  }
}
