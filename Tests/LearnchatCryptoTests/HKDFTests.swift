import LearnchatCrypto
import Testing

@Suite("HKDF-SHA256")
struct HKDFTests {
  /// One RFC 5869 appendix A test (checked against Python's cryptography).
  struct Vector: Sendable, CustomTestStringConvertible {
    let name: String
    let secret: [UInt8]
    let salt: [UInt8]
    let info: [UInt8]
    let output: String
    var testDescription: String { name }
  }

  static let rfc5869Vectors = [
    Vector(
      name: "A.1 basic", secret: [UInt8](repeating: 0x0b, count: 22),
      salt: Hex.bytes("000102030405060708090a0b0c"), info: Hex.bytes("f0f1f2f3f4f5f6f7f8f9"),
      output: """
        3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf\
        34007208d5b887185865
        """),
    Vector(
      name: "A.2 longer inputs and outputs", secret: Array(0x00...0x4f),
      salt: Array(0x60...0xaf), info: Array(0xb0...0xff),
      output: """
        b11e398dc80327a1c8e7f78c596a49344f012eda2d4efad8a050cc4c19afa97c\
        59045a99cac7827271cb41c65e590e09da3275600c2f09b8367793a9aca3db71\
        cc30c58179ec3e87c14c01d5c1f3434f1d87
        """),
    Vector(
      name: "A.3 empty salt and info", secret: [UInt8](repeating: 0x0b, count: 22), salt: [],
      info: [],
      output: """
        8da4e775a563c18f715f802a063c5a31b8a11f5c5ee1879ec3454e5f3c738d2d\
        9d201395faa4b61a96c8
        """),
  ]

  @Test("RFC 5869 appendix A, SHA-256 cases", arguments: rfc5869Vectors)
  func rfc5869(vector: Vector) throws {
    let expected = Hex.bytes(vector.output)
    let output = try HKDF.deriveKey(
      secret: vector.secret, salt: vector.salt, info: vector.info,
      outputByteCount: expected.count)
    #expect(Hex.string(output) == vector.output)
  }

  @Test("Python's HKDF output for random inputs")
  func pythonFixture() throws {
    let vectors = try ModernVectors.load()
    let output = try HKDF.deriveKey(
      secret: Hex.bytes(vectors.hkdfSecret), salt: Hex.bytes(vectors.hkdfSalt),
      info: Hex.bytes(vectors.hkdfInfo), outputByteCount: vectors.hkdfLength)
    #expect(Hex.string(output) == vectors.hkdfOutput)
  }

  @Test("different info gives unrelated keys; a shorter output is a prefix of a longer one")
  func infoSeparatesKeys() throws {
    let secret = [UInt8](repeating: 9, count: 32)
    let salt = [UInt8](repeating: 1, count: 32)
    let clientToServer = try HKDF.deriveKey(
      secret: secret, salt: salt, info: Array("c2s".utf8), outputByteCount: 32)
    let serverToClient = try HKDF.deriveKey(
      secret: secret, salt: salt, info: Array("s2c".utf8), outputByteCount: 32)
    #expect(clientToServer != serverToClient)
    let longer = try HKDF.deriveKey(
      secret: secret, salt: salt, info: Array("c2s".utf8), outputByteCount: 80)
    #expect(Array(longer.prefix(32)) == clientToServer)
    // An empty secret is allowed by RFC 5869 and must not trip OpenSSL's NULL check.
    #expect(try HKDF.deriveKey(secret: [], salt: [], info: [], outputByteCount: 32).count == 32)
  }

  @Test("output lengths outside 1...8160 are refused", arguments: [0, -1, 8161])
  func outputLimits(count: Int) throws {
    #expect(
      throws: CryptoError.lengthOutOfRange(
        what: "an HKDF-SHA256 output", range: 1...8160, actual: count)
    ) { try HKDF.deriveKey(secret: [1], salt: [], info: [], outputByteCount: count) }
  }

  @Test("the largest output, 255 hash blocks, is allowed")
  func largestOutput() throws {
    #expect(
      try HKDF.deriveKey(secret: [1], salt: [], info: [], outputByteCount: 8160).count == 8160)
  }
}
