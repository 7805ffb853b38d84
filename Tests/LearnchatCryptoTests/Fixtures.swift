import Foundation

/// The checked-in vectors made by Python's `cryptography` (see `Fixtures/make_fixtures.py`).
struct PythonVectors: Decodable {
  let producer: String
  let rsaPrivatePEM: String
  let rsaPublicPEM: String
  let rsaPublicDER: String
  let rsaModulus: String
  let rsaExponent: Int
  let oaepPlaintext: String
  let oaepCiphertext: String
  let gcmKey: String
  let gcmPlaintext: String
  let gcmBody: String
  let ed25519PublicPEM: String

  enum CodingKeys: String, CodingKey {
    case producer
    case rsaPrivatePEM = "rsa_private_pem"
    case rsaPublicPEM = "rsa_public_pem"
    case rsaPublicDER = "rsa_public_der"
    case rsaModulus = "rsa_modulus"
    case rsaExponent = "rsa_exponent"
    case oaepPlaintext = "oaep_plaintext"
    case oaepCiphertext = "oaep_ciphertext"
    case gcmKey = "gcm_key"
    case gcmPlaintext = "gcm_plaintext"
    case gcmBody = "gcm_body"
    case ed25519PublicPEM = "ed25519_public_pem"
  }

  /// The folder holding the fixtures, found from this source file so no bundle is needed.
  static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Fixtures")

  static func load() throws -> PythonVectors {
    let data = try Data(contentsOf: folder.appendingPathComponent("python-vectors.json"))
    return try JSONDecoder().decode(PythonVectors.self, from: data)
  }
}
