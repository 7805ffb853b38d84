import LearnchatCrypto
import Testing

/// A live round trip with Python's `cryptography` in a real `python3` process: what each side
/// makes, the other reads, decrypts and opens.
@Suite("Live round trip with Python's cryptography", .enabled(if: PythonPeer.isAvailable))
struct PythonLiveInteropTests {
  @Test("PEM, OAEP and GCM made here work in Python, and Python's work here")
  func roundTrip() throws {
    let key = try SharedKeys.first.get()
    let swiftPEM = String(decoding: try key.publicKey.pem(), as: UTF8.self)
    let gcmKey = try AESGCM.Key.random()
    let plaintext = Array("Swift says hi".utf8)
    let body = try AESGCM.seal(plaintext, key: gcmKey, nonce: AESGCM.Nonce.random()).combined

    let answer = try PythonPeer.call(
      "respond",
      [
        "swift_public_pem": swiftPEM, "swift_gcm_key": Hex.string(gcmKey.bytes),
        "swift_gcm_body": Hex.string(body),
      ])
    func field(_ name: String) throws -> String { try #require(answer[name] as? String) }

    // Swift -> Python
    #expect(try field("reserialised_swift_pem") == swiftPEM)
    #expect(answer["swift_key_bits"] as? Int == 2048)
    #expect(try Hex.bytes(field("opened_swift_plaintext")) == plaintext)

    // Python -> Swift
    let sessionKey = try Hex.bytes(field("session_key"))
    #expect(try key.decryptOAEP(Hex.bytes(field("wrapped_for_swift"))) == sessionKey)
    let opened = try AESGCM.open(
      AESGCM.SealedMessage(combined: Hex.bytes(field("python_gcm_body"))),
      key: AESGCM.Key(sessionKey))
    #expect(try opened == Hex.bytes(field("python_gcm_plaintext")))
    let pythonKey = try RSAPublicKey(pem: field("python_public_pem"))
    #expect(try String(decoding: pythonKey.pem(), as: UTF8.self) == field("python_public_pem"))

    // Swift wraps for Python's key; Python unwraps.
    let secret = try CryptoContext.system.randomBytes(32)
    let decrypted = try PythonPeer.call(
      "oaep-decrypt",
      [
        "private_pem": field("python_private_pem"),
        "ciphertext": Hex.string(try pythonKey.encryptOAEP(secret)),
      ])
    #expect(decrypted["plaintext"] as? String == Hex.string(secret))
  }
}
