import LearnchatCrypto
import Testing

@Suite("X25519 key agreement")
struct X25519Tests {
  // RFC 7748, section 6.1 (checked against Python's cryptography).
  static let alicePrivate = "77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a"
  static let alicePublic = "8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a"
  static let bobPrivate = "5dab087e624a8a4b79e17f8b83800ee66f3bb1292618b6fd1c2f8b27ff88e0eb"
  static let bobPublic = "de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f"
  static let sharedSecret = "4a5d9d5ba4ce2de1728e3bf480350f25e07e21c947d19e3376f09b3c1e161742"

  @Test("RFC 7748 6.1: Alice's and Bob's public keys and their shared secret")
  func rfc7748() throws {
    let alice = try X25519.PrivateKey(rawRepresentation: Hex.bytes(Self.alicePrivate))
    let bob = try X25519.PrivateKey(rawRepresentation: Hex.bytes(Self.bobPrivate))
    #expect(Hex.string(alice.publicKey.rawRepresentation) == Self.alicePublic)
    #expect(Hex.string(bob.publicKey.rawRepresentation) == Self.bobPublic)
    #expect(Hex.string(alice.rawRepresentation) == Self.alicePrivate)
    #expect(Hex.string(try alice.sharedSecret(with: bob.publicKey)) == Self.sharedSecret)
    let bobPublic = try X25519.PublicKey(rawRepresentation: Hex.bytes(Self.bobPublic))
    #expect(Hex.string(try alice.sharedSecret(with: bobPublic)) == Self.sharedSecret)
    #expect(Hex.string(try bob.sharedSecret(with: alice.publicKey)) == Self.sharedSecret)
  }

  @Test("Python's key pairs: same public keys, same shared secret from both sides")
  func pythonFixture() throws {
    let vectors = try ModernVectors.load()
    let first = try X25519.PrivateKey(rawRepresentation: Hex.bytes(vectors.x25519Private))
    let second = try X25519.PrivateKey(rawRepresentation: Hex.bytes(vectors.x25519PeerPrivate))
    #expect(Hex.string(first.publicKey.rawRepresentation) == vectors.x25519Public)
    #expect(Hex.string(second.publicKey.rawRepresentation) == vectors.x25519PeerPublic)
    let peer = try X25519.PublicKey(rawRepresentation: Hex.bytes(vectors.x25519PeerPublic))
    #expect(Hex.string(try first.sharedSecret(with: peer)) == vectors.x25519SharedSecret)
    #expect(
      Hex.string(try second.sharedSecret(with: first.publicKey)) == vectors.x25519SharedSecret)
  }

  @Test("two generated key pairs agree on a 32-byte secret; fresh keys differ")
  func generatedKeysAgree() throws {
    let client = try X25519.PrivateKey()
    let server = try X25519.PrivateKey()
    #expect(client.publicKey != server.publicKey)
    let secret = try client.sharedSecret(with: server.publicKey)
    #expect(secret.count == 32)
    #expect(try server.sharedSecret(with: client.publicKey) == secret)
    let restored = try X25519.PrivateKey(rawRepresentation: client.rawRepresentation)
    #expect(restored.publicKey == client.publicKey)
  }

  @Test("keys of the wrong size are refused", arguments: [0, 31, 33, 64])
  func wrongSizes(count: Int) {
    let bytes = [UInt8](repeating: 7, count: count)
    #expect(
      throws: CryptoError.invalidSize(what: "an X25519 public key", expected: 32, actual: count)
    ) { try X25519.PublicKey(rawRepresentation: bytes) }
    #expect(
      throws: CryptoError.invalidSize(what: "an X25519 private key", expected: 32, actual: count)
    ) { try X25519.PrivateKey(rawRepresentation: bytes) }
  }

  @Test(
    "low-order peer keys (all zeros, the point 1) give no shared secret",
    arguments: [
      "0000000000000000000000000000000000000000000000000000000000000000",
      "0100000000000000000000000000000000000000000000000000000000000000",
    ])
  func lowOrderPeer(peerHex: String) throws {
    let key = try X25519.PrivateKey()
    let peer = try X25519.PublicKey(rawRepresentation: Hex.bytes(peerHex))
    #expect {
      try key.sharedSecret(with: peer)
    } throws: { error in
      guard case CryptoError.keyAgreementFailed(let reason) = error else { return false }
      return reason.contains("low-order")
        && "\(error)".hasPrefix("X25519 key agreement failed: ")
    }
  }

  @Test("a seeded context gives the same key pair for equal seeds, another for other seeds")
  func seeded() throws {
    func key(_ seed: String) throws -> X25519.PrivateKey {
      try X25519.PrivateKey(context: CryptoContext.seeded(seed))
    }
    let first = try key("x25519 class")
    let again = try key("x25519 class")
    #expect(first.rawRepresentation == again.rawRepresentation)
    #expect(first.publicKey == again.publicKey)
    #expect(try key("another class").publicKey != first.publicKey)
    // The key is drawn from the context's stream: a second key from one context differs.
    let context = try CryptoContext.seeded("x25519 class")
    let one = try X25519.PrivateKey(context: context)
    #expect(one.publicKey == first.publicKey)
    #expect(try X25519.PrivateKey(context: context).publicKey != one.publicKey)
  }
}
