import LearnchatCrypto
import Testing

/// AES-256-GCM against the published test cases 13 to 16 of McGrew and Viega, "The Galois/Counter
/// Mode of Operation (GCM)" (the GCM specification submitted to NIST), the cases with 256-bit
/// keys and 96-bit IVs. Cases 17 and 18 use 64- and 480-bit IVs, which demo 2 never uses and
/// which `AESGCM.Nonce` refuses (tested below).
@Suite("AES-256-GCM known answers")
struct AESGCMKnownAnswerTests {
  struct Vector: Sendable, CustomTestStringConvertible {
    let name: String
    let key: String
    let nonce: String
    let plaintext: String
    let associatedData: String
    let ciphertext: String
    let tag: String
    var testDescription: String { name }
  }

  static let zeroKey = String(repeating: "00", count: 32)
  static let key = "feffe9928665731c6d6a8f9467308308feffe9928665731c6d6a8f9467308308"
  static let plaintext = """
    d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a72\
    1c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b391aafd255
    """
  static let ciphertext = """
    522dc1f099567d07f47f37a32a84427d643a8cdcbfe5c0c97598a2bd2555d1aa\
    8cb08e48590dbb3da7b08b1056828838c5f61e6393ba7a0abcc9f662898015ad
    """

  static let vectors: [Vector] = [
    Vector(
      name: "test case 13", key: zeroKey, nonce: "000000000000000000000000", plaintext: "",
      associatedData: "", ciphertext: "", tag: "530f8afbc74536b9a963b4f1c4cb738b"),
    Vector(
      name: "test case 14", key: zeroKey, nonce: "000000000000000000000000",
      plaintext: "00000000000000000000000000000000", associatedData: "",
      ciphertext: "cea7403d4d606b6e074ec5d3baf39d18", tag: "d0d1c8a799996bf0265b98b5d48ab919"),
    Vector(
      name: "test case 15", key: key, nonce: "cafebabefacedbaddecaf888", plaintext: plaintext,
      associatedData: "", ciphertext: ciphertext, tag: "b094dac5d93471bdec1a502270e3cc6c"),
    Vector(
      name: "test case 16", key: key, nonce: "cafebabefacedbaddecaf888",
      plaintext: String(plaintext.prefix(120)),
      associatedData: "feedfacedeadbeeffeedfacedeadbeefabaddad2",
      ciphertext: String(ciphertext.prefix(120)), tag: "76fc6ece0f4e1768cddf8853bb2d551b"),
  ]

  @Test("seal gives the published ciphertext and tag", arguments: vectors)
  func seal(vector: Vector) throws {
    let sealed = try AESGCM.seal(
      Hex.bytes(vector.plaintext), key: AESGCM.Key(Hex.bytes(vector.key)),
      nonce: AESGCM.Nonce(Hex.bytes(vector.nonce)),
      associatedData: Hex.bytes(vector.associatedData))
    #expect(Hex.string(sealed.ciphertext) == vector.ciphertext)
    #expect(Hex.string(sealed.tag) == vector.tag)
  }

  @Test("open returns the published plaintext", arguments: vectors)
  func open(vector: Vector) throws {
    let sealed = try AESGCM.SealedMessage(
      nonce: AESGCM.Nonce(Hex.bytes(vector.nonce)), ciphertext: Hex.bytes(vector.ciphertext),
      tag: Hex.bytes(vector.tag))
    let opened = try AESGCM.open(
      sealed, key: AESGCM.Key(Hex.bytes(vector.key)),
      associatedData: Hex.bytes(vector.associatedData))
    #expect(Hex.string(opened) == vector.plaintext)
  }

  @Test("nonces of test cases 17 and 18 (8 and 60 bytes) are refused")
  func nonStandardNonceSizes() {
    #expect(throws: CryptoError.invalidSize(what: "an AES-GCM nonce", expected: 12, actual: 8)) {
      try AESGCM.Nonce(Hex.bytes("cafebabefacedbad"))
    }
    #expect(throws: CryptoError.self) { try AESGCM.Nonce([UInt8](repeating: 1, count: 60)) }
  }

  @Test("keys must be exactly 32 bytes")
  func keySize() {
    #expect(throws: CryptoError.invalidSize(what: "an AES-256 key", expected: 32, actual: 16)) {
      try AESGCM.Key([UInt8](repeating: 0, count: 16))
    }
  }
}
