import Foundation
import LearnchatCrypto
import LearnchatDemos
import LearnchatTestSupport
import LearnchatWire
import Testing

/// Demo 3 (docs/demo-3-protocol.md): the handshake, the key schedule as specified, and every
/// way a frame can be refused.
@Suite("Demo 3 protocol")
struct Demo3ProtocolTests {
  static let identity = Result { try Ed25519.PrivateKey() }

  struct Handshaken {
    let pair: FramedPair
    let client: Demo3.Channel
    let server: Demo3.Channel
    let clientSide: Demo3.ClientHandshake.Completion
    let serverSide: Demo3.ServerHandshake.Completion
    let clientHello: [UInt8]
  }

  static func handshake() throws -> Handshaken {
    let pair = try FramedPair()
    let identity = try Self.identity.get()
    let client = Demo3.ClientHandshake(framed: pair.client) { _ in }
    let server = Demo3.ServerHandshake(framed: pair.server, identity: identity)
    let ephemeral = try client.sendClientHello()
    let serverSide = try server.sendServerHello(clientHello: server.receiveClientHello())
    let clientSide = try client.receiveServerHello(ephemeral: ephemeral)
    return Handshaken(
      pair: pair,
      client: try Demo3.Channel(framed: pair.client, keys: clientSide.keys, role: .client),
      server: try Demo3.Channel(framed: pair.server, keys: serverSide.keys, role: .server),
      clientSide: clientSide, serverSide: serverSide,
      clientHello: ephemeral.publicKey.rawRepresentation)
  }

  @Test("both ends derive the same two keys, different per direction, and chat both ways")
  func roundTrip() throws {
    let chat = try Self.handshake()
    defer { chat.pair.close() }
    #expect(chat.clientSide.keys == chat.serverSide.keys)
    #expect(chat.clientSide.keys.clientToServer != chat.clientSide.keys.serverToClient)
    #expect(chat.clientSide.serverHello.count == 128)
    for (index, text) in ["hello", "Grüße 👋", ""].enumerated() {
      let sent = try chat.client.send(text)
      #expect(sent.sequence == UInt64(index))
      let received = try #require(try chat.server.receive())
      #expect(received.plaintext == Array(text.utf8))
      #expect(received.sequence == UInt64(index))
    }
    try chat.server.send("reply")
    #expect(try chat.client.receive()?.plaintext == Array("reply".utf8))
  }

  @Test(
    "the key schedule is the documented one: no salt, info = direction label || SHA-256 transcript"
  )
  func keySchedule() throws {
    let chat = try Self.handshake()
    defer { chat.pair.close() }
    let label = Array("learnchat demo 3 handshake".utf8)
    let transcript = try SHA256.hash(label + chat.clientHello + chat.clientSide.serverHello)
    #expect(chat.clientSide.keys.transcriptHash == transcript)
    let secret = chat.clientSide.keys.sharedSecret
    for (direction, key) in [
      ("client to server", chat.clientSide.keys.clientToServer),
      ("server to client", chat.clientSide.keys.serverToClient),
    ] {
      let info = Array("learnchat demo 3 \(direction)".utf8) + transcript
      #expect(
        try HKDF.deriveKey(secret: secret, salt: [], info: info, outputByteCount: 32) == key.bytes)
    }
    // The signature covers the label, the ClientHello and both server keys.
    let hello = chat.clientSide.serverHello
    let identity = try Ed25519.PublicKey(rawRepresentation: Array(hello[0..<32]))
    #expect(
      identity.isValidSignature(
        Array(hello[64...]), for: label + chat.clientHello + Array(hello[0..<64])))
  }

  @Test("nonces are four zero bytes and the big-endian sequence number")
  func nonces() throws {
    #expect(try Demo3.Channel.nonce(sequence: 0).bytes == [UInt8](repeating: 0, count: 12))
    #expect(
      try Demo3.Channel.nonce(sequence: 258).bytes == [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 2])
    #expect(
      try Demo3.Channel.nonce(sequence: UInt64.max).bytes == [0, 0, 0, 0]
        + [UInt8](repeating: 0xff, count: 8))
  }

  @Test("the fingerprint is SHA256: and unpadded base64, as OpenSSH shows it")
  func fingerprint() throws {
    let identity = try Self.identity.get().publicKey
    let fingerprint = try Demo3.fingerprint(of: identity)
    let digest = try SHA256.hash(identity.rawRepresentation)
    #expect(
      fingerprint == "SHA256:"
        + Data(digest).base64EncodedString().replacingOccurrences(of: "=", with: ""))
    #expect(fingerprint.count == 7 + 43)
  }

  @Test("replayed, reflected, reordered, tampered and re-lengthed frames are refused")
  func refusals() throws {
    // Replay: the same frame twice.
    var chat = try Self.handshake()
    let first = try chat.client.send("one").frame
    _ = try chat.server.receive()
    try chat.pair.client.connection.writeAll(first)
    #expect(throws: Demo3.ProtocolError.messageRejected(sequence: 1)) { try chat.server.receive() }
    chat.pair.close()

    // Reflection: the client's own frame back to it.
    chat = try Self.handshake()
    let own = try chat.client.send("mine").frame
    try chat.pair.server.connection.writeAll(own)
    #expect(throws: Demo3.ProtocolError.messageRejected(sequence: 0)) { try chat.client.receive() }
    chat.pair.close()

    // Reorder: message 1 before message 0.
    chat = try Self.handshake()
    let zero = try chat.client.send("zero").frame
    let one = try chat.client.send("one").frame
    _ = try chat.server.framed.receive()
    _ = try chat.server.framed.receive()
    let reordered = try Self.channelFeeding(chat, frames: [one, zero])
    #expect(throws: Demo3.ProtocolError.messageRejected(sequence: 0)) { try reordered.receive() }
    chat.pair.close()

    // A flipped bit, and a changed length.
    chat = try Self.handshake()
    var frame = try chat.client.send("text").frame
    frame[frame.count - 1] ^= 0x80
    _ = try chat.server.framed.receive()
    let tampered = try Self.channelFeeding(chat, frames: [frame])
    #expect(throws: Demo3.ProtocolError.messageRejected(sequence: 0)) { try tampered.receive() }
    chat.pair.close()
  }

  /// A fresh server-side channel with the session's keys, reading `frames` from a new
  /// loopback pair (the original one has consumed the real frames).
  static func channelFeeding(_ chat: Handshaken, frames: [[UInt8]]) throws -> Demo3.Channel {
    let pair = try FramedPair()
    for frame in frames { try pair.client.connection.writeAll(frame) }
    return try Demo3.Channel(framed: pair.server, keys: chat.serverSide.keys, role: .server)
  }

  @Test("the length prefix is authenticated: the same body under another length fails")
  func lengthIsAuthenticated() throws {
    let chat = try Self.handshake()
    defer { chat.pair.close() }
    let frame = try chat.client.send("twelve bytes").frame
    _ = try chat.server.framed.receive()
    let body = Array(frame.dropFirst(4)) + [0]
    let relengthed = try Self.channelFeeding(chat, frames: [try FrameEncoder.encode(body)])
    #expect(throws: Demo3.ProtocolError.messageRejected(sequence: 0)) { try relengthed.receive() }
  }

  @Test("handshake refusals: sizes, signature, identity, low-order key")
  func handshakeRefusals() throws {
    let identity = try Self.identity.get()
    // A ClientHello of the wrong size.
    var pair = try FramedPair()
    try pair.client.send([UInt8](repeating: 9, count: 31))
    #expect(
      throws: Demo3.ProtocolError.malformedHandshake(what: "ClientHello", expected: 32, actual: 31)
    ) {
      try Demo3.ServerHandshake(framed: pair.server, identity: identity).receiveClientHello()
    }
    pair.close()

    // A ServerHello with a changed signature byte, and one from another identity.
    for change in ["signature", "identity"] {
      pair = try FramedPair()
      let client = Demo3.ClientHandshake(framed: pair.client) { presented in
        guard presented == identity.publicKey else {
          throw Demo3.ProtocolError.identityChanged(pinned: "pinned", presented: "other")
        }
      }
      let ephemeral = try client.sendClientHello()
      let signer = change == "identity" ? try Ed25519.PrivateKey() : identity
      let server = Demo3.ServerHandshake(framed: pair.server, identity: signer)
      _ = try server.sendServerHello(clientHello: server.receiveClientHello())
      var hello = try #require(try pair.client.receive())
      if change == "signature" { hello[100] ^= 1 }
      let replay = try FramedPair()
      try replay.server.send(hello)
      let expected: Demo3.ProtocolError =
        change == "signature"
        ? .badSignature : .identityChanged(pinned: "pinned", presented: "other")
      #expect(throws: expected) {
        try Demo3.ClientHandshake(framed: replay.client, trust: client.trust)
          .receiveServerHello(ephemeral: ephemeral)
      }
      pair.close()
      replay.close()
    }

    // An all-zero (low-order) ephemeral key from the client.
    pair = try FramedPair()
    try pair.client.send([UInt8](repeating: 0, count: 32))
    let server = Demo3.ServerHandshake(framed: pair.server, identity: identity)
    #expect {
      try server.sendServerHello(clientHello: server.receiveClientHello())
    } throws: { error in
      if case Demo3.ProtocolError.keyAgreement = error { return true }
      return false
    }
    pair.close()
  }
}
