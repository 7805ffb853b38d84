import LearnchatCrypto
import LearnchatDemos
import LearnchatTestSupport
import LearnchatWire
import Testing

@Suite struct Demo2ChannelTests {
  @Test(arguments: ["hello", "Grüße 👋", ""])
  func textRoundTripsBothWays(text: String) throws {
    let pair = try SecurePair()
    defer { pair.close() }
    for (sender, receiver) in [(pair.client, pair.server), (pair.server, pair.client)] {
      let sent = try sender.send(text)
      #expect(sent.plaintext == [UInt8](text: text))
      let received = try #require(try receiver.receive())
      #expect(received.plaintext == .success([UInt8](text: text)))
      #expect(received.text == text)
      #expect(received.displayText == text)
      #expect(received.body == sent.sealed.combined)
      #expect(received.sealed == sent.sealed)
    }
  }

  @Test func sentFrameIsLengthNonceCiphertextTag() throws {
    let pair = try SecurePair()
    defer { pair.close() }
    let tap = WireTap()
    pair.client.framed.connection.tap = tap
    let text = "Grüße 👋"
    let count = text.utf8.count
    let sent = try pair.client.send(text)

    #expect(sent.frame.count == 4 + 12 + count + 16)
    #expect(FrameDecoder.parseLength(sent.frame.prefix(4)) == UInt32(12 + count + 16))
    #expect(Array(sent.frame[4..<16]) == sent.sealed.nonce.bytes)
    #expect(Array(sent.frame[16..<(16 + count)]) == sent.sealed.ciphertext)
    #expect(Array(sent.frame.suffix(16)) == sent.sealed.tag)
    #expect(try sent.frame == FrameEncoder.encode(sent.sealed.combined))
    // The returned frame is exactly what went on the wire.
    #expect(tap.sentBytes == sent.frame)
    // Encrypted under the channel's key, not sent in the clear.
    #expect(sent.sealed.ciphertext != sent.plaintext)
    #expect(try AESGCM.open(sent.sealed, key: pair.key) == sent.plaintext)
    #expect(try pair.server.receive()?.text == text)
  }

  @Test func everySendUsesAFreshNonce() throws {
    let pair = try SecurePair()
    defer { pair.close() }
    let first = try pair.client.send("same words")
    let second = try pair.client.send("same words")
    #expect(first.sealed.nonce != second.sealed.nonce)
    #expect(first.sealed.ciphertext != second.sealed.ciphertext)
    #expect(first.frame != second.frame)
    #expect(try pair.server.receive()?.text == "same words")
    #expect(try pair.server.receive()?.text == "same words")
  }

  @Test func noncesComeFromTheChannelsContext() throws {
    let framed = try FramedPair()
    defer { framed.close() }
    let key = try AESGCM.Key.random()
    let channel = try Demo2.Channel(framed: framed.client, key: key, context: try .seeded("nonces"))
    let sent = try channel.send("hi")
    // A fresh context with the same seed gives the same first bytes on this thread.
    #expect(try sent.sealed.nonce.bytes == CryptoContext.seeded("nonces").randomBytes(12))
  }

  @Test func peerClosingCleanlyEndsTheStream() throws {
    let pair = try SecurePair()
    defer { pair.close() }
    try pair.client.send("bye")
    pair.client.framed.close()
    #expect(try pair.server.receive()?.text == "bye")
    #expect(try pair.server.receive() == nil)
  }

  /// The original's weakness, which the lessons teach: one key, no sequence numbers, so a
  /// recorded frame still opens when it is replayed, or reflected back to its sender.
  @Test func replayedAndReflectedFramesStillOpen() throws {
    let pair = try SecurePair()
    defer { pair.close() }
    let sent = try pair.client.send("pay 10 coins")
    #expect(try pair.server.receive()?.text == "pay 10 coins")
    try pair.client.framed.connection.writeAll(sent.frame)
    #expect(try pair.server.receive()?.text == "pay 10 coins")
    try pair.server.framed.connection.writeAll(sent.frame)
    #expect(try pair.client.receive()?.text == "pay 10 coins")
  }
}
