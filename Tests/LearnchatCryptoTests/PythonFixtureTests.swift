import LearnchatCrypto
import Testing

/// Values made by Python's `cryptography` (checked in; see `Fixtures/make_fixtures.py`) must
/// read, decrypt and open here: learnchat speaks exactly the original demo's formats.
@Suite("Checked-in vectors from Python's cryptography")
struct PythonFixtureTests {
  let vectors: PythonVectors

  init() throws { vectors = try PythonVectors.load() }

  @Test("Python's public PEM loads, and writing it back gives the same bytes")
  func publicPEM() throws {
    let key = try RSAPublicKey(pem: vectors.rsaPublicPEM)
    #expect(String(decoding: try key.pem(), as: UTF8.self) == vectors.rsaPublicPEM)
    #expect(Hex.string(try key.der()) == vectors.rsaPublicDER)
    #expect(Hex.string(try key.modulus()) == vectors.rsaModulus)
    #expect(vectors.rsaExponent == 65537)
    #expect(try key.publicExponent() == [1, 0, 1])
  }

  @Test("Python's DER loads to the same key")
  func publicDER() throws {
    let key = try RSAPublicKey(der: Hex.bytes(vectors.rsaPublicDER))
    #expect(String(decoding: try key.pem(), as: UTF8.self) == vectors.rsaPublicPEM)
  }

  @Test("a session key Python wrapped with OAEP unwraps here")
  func oaep() throws {
    let key = try RSAPrivateKey(pem: Array(vectors.rsaPrivatePEM.utf8))
    #expect(
      try key.decryptOAEP(Hex.bytes(vectors.oaepCiphertext)) == Hex.bytes(vectors.oaepPlaintext))
  }

  @Test("a GCM body Python sealed opens here")
  func gcm() throws {
    let opened = try AESGCM.open(
      AESGCM.SealedMessage(combined: Hex.bytes(vectors.gcmBody)),
      key: AESGCM.Key(Hex.bytes(vectors.gcmKey)))
    #expect(opened == Hex.bytes(vectors.gcmPlaintext))
  }
}
