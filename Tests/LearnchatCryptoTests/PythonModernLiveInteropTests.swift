import LearnchatCrypto
import Testing

/// A live round trip of demo 3's primitives with Python's `cryptography` in a real `python3`
/// process (`Fixtures/interop_modern.py`).
@Suite("Live round trip with Python: X25519, Ed25519, HKDF", .enabled(if: PythonPeer.isAvailable))
struct PythonModernLiveInteropTests {
  @Test("Swift's signature verifies in Python, and both sides agree on secret and HKDF keys")
  func roundTrip() throws {
    let signer = try Ed25519.PrivateKey()
    let message = Array("demo 3 transcript, signed by Swift".utf8)
    let ephemeral = try X25519.PrivateKey()
    let salt = try CryptoContext.system.randomBytes(32)
    let info = Array("learnchat demo 3 c2s".utf8)

    let answer = try PythonPeer.call(
      "respond",
      [
        "message": Hex.string(message),
        "swift_signature": Hex.string(try signer.signature(for: message)),
        "swift_ed25519_public": Hex.string(signer.publicKey.rawRepresentation),
        "swift_ed25519_public_pem": String(decoding: try signer.publicKey.pem(), as: UTF8.self),
        "swift_x25519_public": Hex.string(ephemeral.publicKey.rawRepresentation),
        "hkdf_salt": Hex.string(salt), "hkdf_info": Hex.string(info),
      ], script: "interop_modern.py")
    func field(_ name: String) throws -> String { try #require(answer[name] as? String) }

    // Swift -> Python
    #expect(answer["swift_signature_valid"] as? Bool == true)
    #expect(answer["swift_signature_valid_pem"] as? Bool == true)
    #expect(answer["tampered_signature_valid"] as? Bool == false)
    #expect(try field("swift_signer_pem_raw") == Hex.string(signer.publicKey.rawRepresentation))

    // Both sides reach the same secret and the same derived key.
    let pythonPublic = try X25519.PublicKey(
      rawRepresentation: Hex.bytes(field("python_x25519_public")))
    let secret = try ephemeral.sharedSecret(with: pythonPublic)
    #expect(try Hex.string(secret) == field("shared_secret"))
    let key = try HKDF.deriveKey(secret: secret, salt: salt, info: info, outputByteCount: 32)
    #expect(try Hex.string(key) == field("hkdf_output"))

    // Python -> Swift
    let pythonSigner = try Ed25519.PublicKey(pem: field("python_ed25519_public_pem"))
    let pythonMessage = try Hex.bytes(field("python_message"))
    let pythonSignature = try Hex.bytes(field("python_signature"))
    #expect(pythonSigner.isValidSignature(pythonSignature, for: pythonMessage))
    #expect(!pythonSigner.isValidSignature(pythonSignature, for: message))
  }
}
