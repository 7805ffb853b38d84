import Foundation
import LearnchatCrypto
import Testing

@Suite("RSA key pairs and public key encodings")
struct RSAKeyTests {
  @Test("a default key is RSA-2048 with exponent 65537")
  func defaultKey() throws {
    let key = try SharedKeys.first.get()
    #expect(key.bits == 2048)
    #expect(key.publicKey.bits == 2048)
    #expect(try key.publicKey.publicExponent() == [0x01, 0x00, 0x01])
    let modulus = try key.publicKey.modulus()
    #expect(modulus.count == 256)
    #expect(modulus[0] & 0x80 != 0, "a 2048-bit modulus has its top bit set")
    #expect(modulus.last! & 1 == 1, "a product of two odd primes is odd")
  }

  @Test("two generated keys differ")
  func keysDiffer() throws {
    #expect(
      try SharedKeys.first.get().publicKey.modulus() != SharedKeys.second.get().publicKey.modulus())
  }

  @Test("sizes under 2048 bits need the unsafe entry point")
  func smallKeysAreUnsafe() throws {
    #expect(throws: CryptoError.unsafeKeySize(bits: 1024)) { try RSAPrivateKey(bits: 1024) }
    let small = try RSAPrivateKey.unsafeGenerating(bits: 1024)
    #expect(small.bits == 1024)
    #expect(throws: CryptoError.unsupportedKeySize(bits: 100)) {
      try RSAPrivateKey.unsafeGenerating(bits: 100)
    }
  }

  @Test("the public PEM is SubjectPublicKeyInfo, 451 bytes, base64 in 64-character lines")
  func pemLayout() throws {
    let pem = String(decoding: try SharedKeys.first.get().publicKey.pem(), as: UTF8.self)
    #expect(pem.utf8.count == 451)
    let lines = pem.split(separator: "\n", omittingEmptySubsequences: false)
    #expect(lines.first == "-----BEGIN PUBLIC KEY-----")
    #expect(lines.dropLast().last == "-----END PUBLIC KEY-----")
    #expect(lines.last == "", "the PEM ends with a newline")
    let base64Lines = lines.dropFirst().dropLast(2)
    #expect(base64Lines.dropLast().allSatisfy { $0.count == 64 })
    #expect(base64Lines.last!.count <= 64)
  }

  @Test("the DER is the PEM's base64 decoded, and both read back to the same key")
  func derAndPEMAgree() throws {
    let key = try SharedKeys.first.get().publicKey
    let pem = String(decoding: try key.pem(), as: UTF8.self)
    let base64 = pem.split(separator: "\n").dropFirst().dropLast().joined()
    let der = try key.der()
    #expect(Data(base64Encoded: base64).map(Array.init) == der)
    #expect(der.count == 294)
    #expect(try RSAPublicKey(pem: pem).der() == der)
    #expect(try RSAPublicKey(der: der).modulus() == key.modulus())
  }

  @Test("the private key exports to PKCS#8 PEM and reads back")
  func privatePEMRoundTrip() throws {
    let key = try SharedKeys.first.get()
    let pem = try key.pem()
    #expect(String(decoding: pem, as: UTF8.self).hasPrefix("-----BEGIN PRIVATE KEY-----\n"))
    let restored = try RSAPrivateKey(pem: pem)
    #expect(try restored.publicKey.der() == key.publicKey.der())
    let wrapped = try key.publicKey.encryptOAEP([1, 2, 3])
    #expect(try restored.decryptOAEP(wrapped) == [1, 2, 3])
  }

  @Test(
    "malformed public key text is refused with a clear error",
    arguments: [
      "", "hello", "-----BEGIN PUBLIC KEY-----\n",
      "-----BEGIN PUBLIC KEY-----\n!!!!\n-----END PUBLIC KEY-----\n",
    ])
  func malformedPEM(text: String) {
    #expect {
      try RSAPublicKey(pem: text)
    } throws: { error in
      guard case CryptoError.malformedKey(format: "PEM public", let reason) = error else {
        return false
      }
      return !reason.isEmpty && "\(error)".hasPrefix("not a valid PEM public key: ")
    }
  }

  @Test("a truncated or corrupted PEM is refused")
  func truncatedAndCorruptedPEM() throws {
    let pem = try SharedKeys.first.get().publicKey.pem()
    let truncated = Array(pem.prefix(200)) + Array("\n-----END PUBLIC KEY-----\n".utf8)
    #expect(throws: CryptoError.self) { try RSAPublicKey(pem: truncated) }
    let cut = Array(pem.dropLast(30))
    #expect(throws: CryptoError.self) { try RSAPublicKey(pem: cut) }
    var corrupted = pem
    // Byte 40 sits in the DER's header (the algorithm identifier): change its base64 digit.
    corrupted[40] = corrupted[40] == UInt8(ascii: "A") ? UInt8(ascii: "B") : UInt8(ascii: "A")
    #expect(throws: CryptoError.self) { try RSAPublicKey(pem: corrupted) }
  }

  @Test("malformed DER is refused")
  func malformedDER() throws {
    let der = try SharedKeys.first.get().publicKey.der()
    for bad in [[], [0x30], Array(der.prefix(100)), [UInt8](repeating: 0xff, count: 300)] {
      #expect {
        try RSAPublicKey(der: bad)
      } throws: { error in
        if case CryptoError.malformedKey(format: "DER public", _) = error { return true }
        return false
      }
    }
  }

  @Test("a key of another algorithm is refused as not RSA")
  func notRSA() throws {
    let vectors = try PythonVectors.load()
    #expect(throws: CryptoError.notAnRSAKey(actualType: "ED25519")) {
      try RSAPublicKey(pem: vectors.ed25519PublicPEM)
    }
  }
}
