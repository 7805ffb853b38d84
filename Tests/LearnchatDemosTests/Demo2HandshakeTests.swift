import LearnchatCrypto
import LearnchatDemos
import LearnchatTestSupport
import LearnchatWire
import Testing

@Suite struct Demo2HandshakeTests {
  @Test func fullHandshakeGivesBothSidesTheSameSessionKey() throws {
    let pair = try FramedPair()
    defer { pair.close() }
    let serverKey = try SharedKey.server.get()
    let tap = WireTap()
    pair.server.connection.tap = tap
    let server = Demo2.ServerHandshake(key: serverKey, framed: pair.server)
    let client = Demo2.ClientHandshake(framed: pair.client)

    // Step 2: the public key as PEM SubjectPublicKeyInfo, in one frame.
    let sentPEM = try server.sendPublicKey()
    #expect(try sentPEM == serverKey.publicKey.pem())
    #expect(sentPEM.count == 451)
    let pemText = String(decoding: sentPEM, as: UTF8.self)
    #expect(pemText.hasPrefix("-----BEGIN PUBLIC KEY-----\n"))
    #expect(pemText.hasSuffix("-----END PUBLIC KEY-----\n"))
    #expect(try tap.sentBytes == FrameEncoder.encode(sentPEM))

    let received = try client.receivePublicKey()
    #expect(received.pem == sentPEM)
    #expect(received.key.bits == 2048)
    #expect(try received.key.modulus() == serverKey.publicKey.modulus())
    #expect(try received.key.publicExponent() == [0x01, 0x00, 0x01])

    // Steps 3 and 4: a random 32-byte key, wrapped with RSA-OAEP, unwrapped by the server.
    let clientDone = try client.sendSessionKey(to: received.key)
    let serverDone = try server.receiveSessionKey()
    #expect(clientDone.sessionKey.bytes.count == 32)
    #expect(clientDone.wrappedKey.count == 256)
    #expect(serverDone.wrappedKey == clientDone.wrappedKey)
    #expect(serverDone.sessionKey == clientDone.sessionKey)
    #expect(clientDone.wrappedKey != clientDone.sessionKey.bytes)
    #expect(try serverKey.decryptOAEP(clientDone.wrappedKey) == clientDone.sessionKey.bytes)

    // The agreed key carries a chat both ways.
    let serverChannel = try Demo2.Channel(framed: pair.server, key: serverDone.sessionKey)
    let clientChannel = try Demo2.Channel(framed: pair.client, key: clientDone.sessionKey)
    try clientChannel.send("hello server")
    #expect(try serverChannel.receive()?.text == "hello server")
    try serverChannel.send("hello client")
    #expect(try clientChannel.receive()?.text == "hello client")
  }

  @Test func eachHandshakeMakesAFreshSessionKey() throws {
    let serverKey = try SharedKey.server.get()
    var keys: [AESGCM.Key] = []
    var wrapped: [[UInt8]] = []
    for _ in 0..<2 {
      let pair = try FramedPair()
      defer { pair.close() }
      let server = Demo2.ServerHandshake(key: serverKey, framed: pair.server)
      let client = Demo2.ClientHandshake(framed: pair.client)
      try server.sendPublicKey()
      let done = try client.sendSessionKey(to: client.receivePublicKey().key)
      #expect(try server.receiveSessionKey().sessionKey == done.sessionKey)
      keys.append(done.sessionKey)
      wrapped.append(done.wrappedKey)
    }
    #expect(keys[0] != keys[1])
    #expect(wrapped[0] != wrapped[1])
  }

  @Test func clientDrawsTheSessionKeyFromItsContext() throws {
    let pair = try FramedPair()
    defer { pair.close() }
    let server = Demo2.ServerHandshake(key: try SharedKey.server.get(), framed: pair.server)
    let client = Demo2.ClientHandshake(framed: pair.client, context: try .seeded("handshake"))
    try server.sendPublicKey()
    let done = try client.sendSessionKey(to: client.receivePublicKey().key)
    // A fresh context with the same seed gives the same first bytes on this thread.
    #expect(try done.sessionKey.bytes == CryptoContext.seeded("handshake").randomBytes(32))
    #expect(try server.receiveSessionKey().sessionKey == done.sessionKey)
  }
}
