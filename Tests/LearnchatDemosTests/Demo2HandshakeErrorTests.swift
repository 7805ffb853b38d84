import LearnchatCrypto
import LearnchatDemos
import LearnchatTestSupport
import LearnchatWire
import Testing

@Suite struct Demo2HandshakeErrorTests {
  private static let ecPublicKeyPEM = """
    -----BEGIN PUBLIC KEY-----
    MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEjWHQlr9bnS5AuISiHv3uqNqLxa9X
    5qcbSGeV3yMPGshXhGEJnIkjviAPB/9pd8HOLXdAin6Onsu5lRp7hVU5ZQ==
    -----END PUBLIC KEY-----

    """

  /// Has the server handshake receive `body` as the wrapped key; returns what it threw.
  private func serverError(receiving body: [UInt8]) throws -> Demo2.HandshakeError? {
    let pair = try FramedPair()
    defer { pair.close() }
    let server = Demo2.ServerHandshake(key: try SharedKey.server.get(), framed: pair.server)
    try pair.client.send(body)
    return #expect(throws: Demo2.HandshakeError.self) { try server.receiveSessionKey() }
  }

  /// Has the client handshake receive `body` as the server's public key; returns what it threw.
  private func clientError(receiving body: [UInt8]) throws -> Demo2.HandshakeError? {
    let pair = try FramedPair()
    defer { pair.close() }
    let client = Demo2.ClientHandshake(framed: pair.client)
    try pair.server.send(body)
    return #expect(throws: Demo2.HandshakeError.self) { try client.receivePublicKey() }
  }

  @Test func serverRefusesAWrappedKeyOfTheWrongLength() throws {
    let error = try serverError(receiving: [UInt8](repeating: 0x5a, count: 255))
    #expect(
      error
        == .badWrappedKey(.decryptionFailed(reason: "ciphertext is 255 bytes, the key needs 256")))
    #expect(
      error?.description
        == "the wrapped session key is unusable: RSA-OAEP decryption failed: "
        + "ciphertext is 255 bytes, the key needs 256")
  }

  @Test(arguments: [0x01, 0x5a, 0xff] as [UInt8])
  func serverRefusesAGarbageWrappedKey(filler: UInt8) throws {
    let error = try serverError(receiving: [UInt8](repeating: filler, count: 256))
    guard case .badWrappedKey(.decryptionFailed) = error else {
      Issue.record("expected badWrappedKey(decryptionFailed), got \(String(describing: error))")
      return
    }
    let description = try #require(error?.description)
    #expect(
      description.hasPrefix("the wrapped session key is unusable: RSA-OAEP decryption failed"))
    #expect(!description.contains("\n"))
  }

  @Test(arguments: [0, 16, 31, 33])
  func serverRefusesASessionKeyThatIsNot32Bytes(count: Int) throws {
    let publicKey = try SharedKey.server.get().publicKey
    let wrapped = try publicKey.encryptOAEP([UInt8](repeating: 0x42, count: count))
    #expect(wrapped.count == 256)
    let error = try serverError(receiving: wrapped)
    #expect(error == .wrongSessionKeySize(count))
  }

  @Test func clientRefusesABodyThatIsNotPEM() throws {
    let error = try clientError(receiving: [UInt8](text: "hello, I am not a key"))
    guard case .badPublicKey(.malformedKey(format: "PEM public", _)) = error else {
      Issue.record("expected badPublicKey(malformedKey), got \(String(describing: error))")
      return
    }
    let description = try #require(error?.description)
    #expect(
      description.hasPrefix("the server's public key is unusable: not a valid PEM public key"))
    #expect(!description.contains("\n"))
  }

  @Test func clientRefusesATruncatedPEM() throws {
    let pem = try SharedKey.server.get().publicKey.pem()
    let error = try clientError(receiving: Array(pem.prefix(200)))
    guard case .badPublicKey = error else {
      Issue.record("expected badPublicKey, got \(String(describing: error))")
      return
    }
  }

  @Test func clientRefusesANonRSAKey() throws {
    let error = try clientError(receiving: [UInt8](text: Self.ecPublicKeyPEM))
    guard case .badPublicKey(.notAnRSAKey) = error else {
      Issue.record("expected badPublicKey(notAnRSAKey), got \(String(describing: error))")
      return
    }
    #expect(error?.description.contains("\n") == false)
  }

  @Test func clientRefusesAnRSA1024Key() throws {
    let pem = try SharedKey.weak.get().publicKey.pem()
    let error = try clientError(receiving: pem)
    #expect(error == .weakPublicKey(bits: 1024))
    #expect(error?.description == "the server's RSA key has 1024 bits; at least 2048 are required")
  }

  @Test func clientReportsAServerThatClosesBeforeItsKey() throws {
    let pair = try FramedPair()
    defer { pair.close() }
    pair.server.close()
    #expect(throws: Demo2.HandshakeError.peerClosed(expected: "its public key")) {
      try Demo2.ClientHandshake(framed: pair.client).receivePublicKey()
    }
  }

  @Test func serverReportsAClientThatClosesBeforeTheWrappedKey() throws {
    let pair = try FramedPair()
    defer { pair.close() }
    let server = Demo2.ServerHandshake(key: try SharedKey.server.get(), framed: pair.server)
    try server.sendPublicKey()
    // Read the key first: closing with unread data would reset the connection instead.
    _ = try Demo2.ClientHandshake(framed: pair.client).receivePublicKey()
    pair.client.close()
    #expect(throws: Demo2.HandshakeError.peerClosed(expected: "the wrapped session key")) {
      try server.receiveSessionKey()
    }
  }

  @Test func aPeerClosingInsideTheKeyFrameIsAFramingError() throws {
    let pair = try FramedPair()
    defer { pair.close() }
    let pem = try SharedKey.server.get().publicKey.pem()
    try pair.server.connection.writeAll(try FrameEncoder.encode(pem).prefix(100))
    pair.server.close()
    #expect(throws: WireError.truncatedFrame(received: 100, expected: 4 + pem.count)) {
      try Demo2.ClientHandshake(framed: pair.client).receivePublicKey()
    }
  }

  @Test(arguments: [
    (
      Demo2.HandshakeError.peerClosed(expected: "its public key"),
      "the peer closed the connection before sending its public key"
    ),
    (
      .peerClosed(expected: "the wrapped session key"),
      "the peer closed the connection before sending the wrapped session key"
    ),
    (
      .badPublicKey(.malformedKey(format: "PEM public", reason: "no start line")),
      "the server's public key is unusable: not a valid PEM public key: no start line"
    ),
    (
      .badPublicKey(.notAnRSAKey(actualType: "EC")),
      "the server's public key is unusable: expected an RSA key, got one of type EC"
    ),
    (.weakPublicKey(bits: 1024), "the server's RSA key has 1024 bits; at least 2048 are required"),
    (
      .badWrappedKey(.decryptionFailed(reason: "oaep decoding error")),
      "the wrapped session key is unusable: RSA-OAEP decryption failed: oaep decoding error"
    ),
    (.wrongSessionKeySize(16), "the session key is 16 bytes; AES-256 needs 32"),
  ])
  func descriptionsReadAsOneLine(error: Demo2.HandshakeError, text: String) {
    #expect(error.description == text)
    #expect(!error.description.contains("\n"))
  }
}
