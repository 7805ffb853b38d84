import LearnchatCrypto
import Testing

/// GCM must reject any change and return no plaintext.
@Suite("AES-256-GCM tampering")
struct AESGCMTamperTests {
  let key: AESGCM.Key
  let sealed: AESGCM.SealedMessage
  let plaintext = Array("meet me at the library at noon".utf8)
  let associatedData = Array("header".utf8)

  init() throws {
    key = try AESGCM.Key.random()
    sealed = try AESGCM.seal(
      plaintext, key: key, nonce: AESGCM.Nonce.random(), associatedData: associatedData)
  }

  @Test("an untouched message opens")
  func roundTrip() throws {
    #expect(try AESGCM.open(sealed, key: key, associatedData: associatedData) == plaintext)
    #expect(sealed.ciphertext.count == plaintext.count)
    #expect(sealed.combined.count == 12 + plaintext.count + 16)
  }

  @Test("every single flipped bit of nonce, ciphertext or tag is rejected")
  func everyFlippedBit() throws {
    let body = sealed.combined
    for bit in 0..<(body.count * 8) {
      var changed = body
      changed[bit / 8] ^= UInt8(1 << (bit % 8))
      #expect(throws: CryptoError.authenticationFailed) {
        try AESGCM.open(
          AESGCM.SealedMessage(combined: changed), key: key, associatedData: associatedData)
      }
    }
  }

  @Test("a wrong key is rejected")
  func wrongKey() throws {
    #expect(throws: CryptoError.authenticationFailed) {
      try AESGCM.open(sealed, key: AESGCM.Key.random(), associatedData: associatedData)
    }
  }

  @Test("changed or missing associated data is rejected")
  func wrongAssociatedData() {
    #expect(throws: CryptoError.authenticationFailed) {
      try AESGCM.open(sealed, key: key, associatedData: Array("Header".utf8))
    }
    #expect(throws: CryptoError.authenticationFailed) {
      try AESGCM.open(sealed, key: key)
    }
  }

  @Test("a truncated ciphertext (tag taken from the wrong place) is rejected")
  func truncated() throws {
    let body = Array(sealed.combined.dropLast())
    #expect(throws: CryptoError.authenticationFailed) {
      try AESGCM.open(
        AESGCM.SealedMessage(combined: body), key: key, associatedData: associatedData)
    }
  }

  @Test("a body shorter than nonce plus tag is refused before decrypting")
  func tooShort() {
    #expect(
      throws: CryptoError.invalidSize(what: "an AES-GCM body (at least)", expected: 28, actual: 27)
    ) {
      try AESGCM.SealedMessage(combined: [UInt8](repeating: 0, count: 27))
    }
  }

  @Test("a body of exactly nonce plus tag is an empty message")
  func emptyMessage() throws {
    let empty = try AESGCM.seal([], key: key, nonce: AESGCM.Nonce.random())
    #expect(empty.combined.count == 28)
    #expect(try AESGCM.open(AESGCM.SealedMessage(combined: empty.combined), key: key) == [])
  }

  @Test("the same key and nonce twice leak the XOR of the plaintexts (why nonces must differ)")
  func nonceReuseLeaksXOR() throws {
    let nonce = try AESGCM.Nonce.random()
    let first = Array("attack at dawn!".utf8)
    let second = Array("retreat at ten!".utf8)
    let a = try AESGCM.seal(first, key: key, nonce: nonce).ciphertext
    let b = try AESGCM.seal(second, key: key, nonce: nonce).ciphertext
    #expect(zip(a, b).map { $0 ^ $1 } == zip(first, second).map { $0 ^ $1 })
  }
}
