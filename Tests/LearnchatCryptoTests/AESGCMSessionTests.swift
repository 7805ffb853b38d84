import LearnchatCrypto
import Testing

/// A sealer's or opener's session: many messages under one key with the context taken once,
/// sealed into and opened from caller-owned buffers.
@Suite("AES-256-GCM sessions")
struct AESGCMSessionTests {
  let key: AESGCM.Key
  let header = Array("head".utf8)

  init() throws {
    key = try AESGCM.Key.random()
  }

  /// `plaintext` sealed by a session into one buffer: ciphertext then tag.
  private func sessionSeal(
    _ plaintext: [UInt8], nonce: AESGCM.Nonce, associatedData: [UInt8], with sealer: AESGCM.Sealer
  ) throws -> [UInt8] {
    var output = [UInt8](repeating: 0, count: plaintext.count + AESGCM.tagByteCount)
    try sealer.withSession { session in
      try plaintext.withUnsafeBytes { plaintext in
        try nonce.bytes.withUnsafeBytes { nonce in
          try associatedData.withUnsafeBytes { associatedData in
            try output.withUnsafeMutableBytes { output in
              try session.seal(
                plaintext, nonce: nonce, associatedData: associatedData, into: output)
            }
          }
        }
      }
    }
    return output
  }

  @Test("a session seals exactly as AESGCM.seal does, message after message")
  func sealsAsTheOneShotDoes() throws {
    let sealer = try AESGCM.Sealer(key: key)
    for text in ["", "a", "meet me at the library at noon", String(repeating: "x", count: 4000)] {
      let plaintext = Array(text.utf8)
      let nonce = try AESGCM.Nonce.random()
      for associatedData in [[], header] {
        let expected = try AESGCM.seal(
          plaintext, key: key, nonce: nonce, associatedData: associatedData)
        let sealed = try sessionSeal(
          plaintext, nonce: nonce, associatedData: associatedData, with: sealer)
        #expect(sealed == expected.ciphertext + expected.tag)
      }
    }
  }

  @Test("a session opens into a reused array: the same storage for every message that fits")
  func opensIntoReusedStorage() throws {
    let opener = try AESGCM.Opener(key: key)
    let messages = try ["first message", "second one!!!", "short"].map { text in
      try AESGCM.seal(
        Array(text.utf8), key: key, nonce: AESGCM.Nonce.random(), associatedData: header)
    }
    var plaintext: [UInt8] = []
    var opened: [String] = []
    var storage: Set<UnsafeRawPointer> = []
    try opener.withSession { session in
      for sealed in messages {
        try sealed.ciphertext.withUnsafeBytes { ciphertext in
          try sealed.tag.withUnsafeBytes { tag in
            try sealed.nonce.bytes.withUnsafeBytes { nonce in
              try header.withUnsafeBytes { header in
                try session.open(
                  ciphertext, tag: tag, nonce: nonce, associatedData: header, into: &plaintext)
              }
            }
          }
        }
        opened.append(String(decoding: plaintext, as: UTF8.self))
        _ = plaintext.withUnsafeBytes { storage.insert(UnsafeRawPointer($0.baseAddress!)) }
      }
    }
    #expect(opened == ["first message", "second one!!!", "short"])
    // The first message sized the array; the others (no longer) reused it.
    #expect(storage.count == 1)
  }

  @Test("a combined body that fails to open leaves only zeros, and the session goes on")
  func failedOpenLeavesZeros() throws {
    let opener = try AESGCM.Opener(key: key)
    let good = try AESGCM.seal(Array("intact".utf8), key: key, nonce: AESGCM.Nonce.random())
    var forged = good.combined
    forged[forged.count - 1] ^= 0x80
    var plaintext: [UInt8] = []
    try opener.withSession { session in
      #expect(throws: CryptoError.authenticationFailed) {
        try forged.withUnsafeBytes { try session.open(combined: $0, into: &plaintext) }
      }
      #expect(plaintext == [UInt8](repeating: 0, count: 6))
      try good.combined.withUnsafeBytes { try session.open(combined: $0, into: &plaintext) }
    }
    #expect(plaintext == Array("intact".utf8))
  }

  @Test("a combined body shorter than nonce plus tag is refused before decrypting")
  func shortCombinedBody() throws {
    let opener = try AESGCM.Opener(key: key)
    var plaintext: [UInt8] = []
    _ = try opener.withSession { session in
      #expect(
        throws: CryptoError.invalidSize(
          what: "an AES-GCM body (at least)", expected: 28, actual: 27)
      ) {
        try [UInt8](repeating: 0, count: 27).withUnsafeBytes {
          try session.open(combined: $0, into: &plaintext)
        }
      }
    }
  }
}
