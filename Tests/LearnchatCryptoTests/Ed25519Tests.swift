import Foundation
import LearnchatCrypto
import Testing

@Suite("Ed25519 signatures")
struct Ed25519Tests {
  /// One RFC 8032 section 7.1 test (checked against Python's cryptography).
  struct Vector: Sendable, CustomTestStringConvertible {
    let name: String
    let secret: String
    let publicKey: String
    let message: String
    let signature: String
    var testDescription: String { name }
  }

  static let rfc8032Vectors = [
    Vector(
      name: "TEST 1 (empty message)",
      secret: "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60",
      publicKey: "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a",
      message: "",
      signature: """
        e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e06522490155\
        5fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b
        """),
    Vector(
      name: "TEST 2 (one byte 0x72)",
      secret: "4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb",
      publicKey: "3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c",
      message: "72",
      signature: """
        92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da\
        085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00
        """),
  ]

  @Test("RFC 8032 7.1: public key and signature from the secret key", arguments: rfc8032Vectors)
  func rfc8032(vector: Vector) throws {
    let key = try Ed25519.PrivateKey(rawRepresentation: Hex.bytes(vector.secret))
    #expect(Hex.string(key.rawRepresentation) == vector.secret)
    #expect(Hex.string(key.publicKey.rawRepresentation) == vector.publicKey)
    let signature = try key.signature(for: Hex.bytes(vector.message))
    #expect(Hex.string(signature) == vector.signature)
    let publicKey = try Ed25519.PublicKey(rawRepresentation: Hex.bytes(vector.publicKey))
    #expect(publicKey.isValidSignature(signature, for: Hex.bytes(vector.message)))
  }

  @Test("Python's signature verifies; Python's seed signs to the same bytes; its PEMs load")
  func pythonFixture() throws {
    let vectors = try ModernVectors.load()
    let message = Hex.bytes(vectors.ed25519Message)
    let signature = Hex.bytes(vectors.ed25519Signature)
    let publicKey = try Ed25519.PublicKey(rawRepresentation: Hex.bytes(vectors.ed25519Public))
    #expect(publicKey.isValidSignature(signature, for: message))
    // Ed25519 is deterministic: the same seed and message give the same signature.
    let key = try Ed25519.PrivateKey(rawRepresentation: Hex.bytes(vectors.ed25519Private))
    #expect(try key.signature(for: message) == signature)

    let fromPEM = try Ed25519.PublicKey(pem: vectors.ed25519PublicPEM)
    #expect(fromPEM == publicKey)
    #expect(String(decoding: try publicKey.pem(), as: UTF8.self) == vectors.ed25519PublicPEM)
    let privateFromPEM = try Ed25519.PrivateKey(pem: Array(vectors.ed25519PrivatePEM.utf8))
    #expect(Hex.string(privateFromPEM.rawRepresentation) == vectors.ed25519Private)
    #expect(String(decoding: try key.pem(), as: UTF8.self) == vectors.ed25519PrivatePEM)
  }

  @Test("a flipped bit in the message or the signature fails verification")
  func tampering() throws {
    let key = try Ed25519.PrivateKey()
    let message = Array("transcript hash goes here".utf8)
    let signature = try key.signature(for: message)
    #expect(signature.count == 64)
    #expect(key.publicKey.isValidSignature(signature, for: message))
    for index in [0, message.count - 1] {
      var changed = message
      changed[index] ^= 0x01
      #expect(!key.publicKey.isValidSignature(signature, for: changed))
    }
    for index in [0, 31, 32, 63] {
      var changed = signature
      changed[index] ^= 0x80
      #expect(!key.publicKey.isValidSignature(changed, for: message))
    }
    #expect(!key.publicKey.isValidSignature(signature, for: message + [0]))
    #expect(try !Ed25519.PrivateKey().publicKey.isValidSignature(signature, for: message))
  }

  @Test("signatures and keys of the wrong size are refused")
  func wrongSizes() throws {
    let key = try Ed25519.PrivateKey()
    let signature = try key.signature(for: [1, 2, 3])
    #expect(!key.publicKey.isValidSignature([], for: [1, 2, 3]))
    #expect(!key.publicKey.isValidSignature(Array(signature.dropLast()), for: [1, 2, 3]))
    #expect(!key.publicKey.isValidSignature(signature + [0], for: [1, 2, 3]))
    for count in [0, 31, 33, 64] {
      let bytes = [UInt8](repeating: 1, count: count)
      #expect(
        throws: CryptoError.invalidSize(what: "an Ed25519 public key", expected: 32, actual: count)
      ) { try Ed25519.PublicKey(rawRepresentation: bytes) }
      #expect(
        throws: CryptoError.invalidSize(
          what: "an Ed25519 private key", expected: 32, actual: count)
      ) { try Ed25519.PrivateKey(rawRepresentation: bytes) }
    }
  }

  @Test("the identity key round-trips through PKCS#8 PEM; the public key through SPKI PEM")
  func pemRoundTrip() throws {
    let key = try Ed25519.PrivateKey()
    let pem = try key.pem()
    let text = String(decoding: pem, as: UTF8.self)
    #expect(text.hasPrefix("-----BEGIN PRIVATE KEY-----\n"))
    #expect(text.hasSuffix("-----END PRIVATE KEY-----\n"))
    let restored = try Ed25519.PrivateKey(pem: pem)
    #expect(restored.rawRepresentation == key.rawRepresentation)
    #expect(restored.publicKey == key.publicKey)

    let publicPEM = try key.publicKey.pem()
    #expect(String(decoding: publicPEM, as: UTF8.self).hasPrefix("-----BEGIN PUBLIC KEY-----\n"))
    #expect(try Ed25519.PublicKey(pem: publicPEM) == key.publicKey)
  }

  @Test("RSA keys and garbage are refused where an Ed25519 key is expected")
  func wrongKeys() throws {
    let rsa = try RSAPrivateKey.unsafeGenerating(bits: 1024)
    #expect(throws: CryptoError.wrongKeyType(expected: "ED25519", actual: "RSA")) {
      try Ed25519.PrivateKey(pem: rsa.pem())
    }
    #expect(throws: CryptoError.wrongKeyType(expected: "ED25519", actual: "RSA")) {
      try Ed25519.PublicKey(pem: rsa.publicKey.pem())
    }
    #expect {
      try Ed25519.PublicKey(pem: "not a key")
    } throws: { error in
      if case CryptoError.malformedKey(format: "PEM public", _) = error { return true }
      return false
    }
    #expect {
      try Ed25519.PrivateKey(pem: Array("-----BEGIN PRIVATE KEY-----\n".utf8))
    } throws: { error in
      if case CryptoError.malformedKey(format: "PEM private", _) = error { return true }
      return false
    }
  }

  @Test("a seeded context gives the same key pair for equal seeds, another for other seeds")
  func seeded() throws {
    func key(_ seed: String) throws -> Ed25519.PrivateKey {
      try Ed25519.PrivateKey(context: CryptoContext.seeded(seed))
    }
    let first = try key("ed25519 class")
    let again = try key("ed25519 class")
    #expect(first.rawRepresentation == again.rawRepresentation)
    #expect(first.publicKey == again.publicKey)
    #expect(try first.signature(for: [42]) == again.signature(for: [42]))
    #expect(try key("another class").publicKey != first.publicKey)
  }
}
