import LearnchatCrypto
import LearnchatDemos
import LearnchatTestSupport
import LearnchatWire
import Testing

/// What the receiving side does with bytes a hostile or broken peer writes.
@Suite struct Demo2ChannelHostileInputTests {
  private func sealed(_ plaintext: [UInt8], key: AESGCM.Key) throws -> [UInt8] {
    try AESGCM.seal(plaintext, key: key, nonce: .random()).combined
  }

  /// The chat goes on: a good message after a bad one still opens.
  private func expectNextMessageOpens(_ pair: SecurePair) throws {
    try pair.client.send("still here")
    #expect(try pair.server.receive()?.text == "still here")
  }

  // Bit positions in a 12 + 14 + 16 byte body: nonce, ciphertext, last bit of the tag.
  @Test(arguments: [0, 7, 12 * 8, 12 * 8 + 13, (12 + 14 + 16) * 8 - 1])
  func aFlippedBitFailsAuthenticationAndTheChatGoesOn(bit: Int) throws {
    let pair = try SecurePair()
    defer { pair.close() }
    var body = try sealed([UInt8](text: "attack at dawn"), key: pair.key)
    #expect(body.count == 42)
    body[bit / 8] ^= 1 << (bit % 8)
    try pair.client.framed.send(body)

    let received = try #require(try pair.server.receive())
    #expect(received.body == body)
    #expect(received.sealed != nil)
    #expect(received.plaintext == .failure(.authenticationFailed))
    #expect(received.displayText == nil)
    #expect(received.text == nil)
    try expectNextMessageOpens(pair)
  }

  @Test(arguments: [0, 1, 12, 27])
  func aBodyTooShortForNonceAndTagIsReportedNotThrown(count: Int) throws {
    let pair = try SecurePair()
    defer { pair.close() }
    let body = [UInt8](repeating: 0xab, count: count)
    try pair.client.framed.send(body)

    let received = try #require(try pair.server.receive())
    #expect(received.body == body)
    #expect(received.sealed == nil)
    guard case .failure(.invalidSize(_, let expected, let actual)) = received.plaintext else {
      Issue.record("expected invalidSize, got \(received.plaintext)")
      return
    }
    #expect(expected == 28)
    #expect(actual == count)
    #expect(received.displayText == nil)
    #expect(received.text == nil)
    try expectNextMessageOpens(pair)
  }

  @Test func twentyEightGarbageBytesSplitButDoNotOpen() throws {
    let pair = try SecurePair()
    defer { pair.close() }
    let body = (0..<28).map { UInt8($0) }
    try pair.client.framed.send(body)
    let received = try #require(try pair.server.receive())
    #expect(received.sealed?.nonce.bytes == Array(body[0..<12]))
    #expect(received.sealed?.ciphertext == [])
    #expect(received.sealed?.tag == Array(body[12...]))
    #expect(received.plaintext == .failure(.authenticationFailed))
    try expectNextMessageOpens(pair)
  }

  @Test func aBodySealedUnderAnotherKeyFails() throws {
    let pair = try SecurePair()
    defer { pair.close() }
    let otherKey = try AESGCM.Key.random()
    #expect(otherKey != pair.key)
    try pair.client.framed.send(try sealed([UInt8](text: "hello"), key: otherKey))
    let received = try #require(try pair.server.receive())
    #expect(received.plaintext == .failure(.authenticationFailed))
    #expect(received.displayText == nil)
    try expectNextMessageOpens(pair)
  }

  @Test func anEnormousLengthIsRefusedWithoutReadingIt() throws {
    let pair = try SecurePair()
    defer { pair.close() }
    try pair.client.framed.connection.writeAll([0xff, 0xff, 0xff, 0xff])
    #expect(throws: WireError.frameTooLarge(length: 4_294_967_295, limit: 1_048_576)) {
      try pair.server.receive()
    }
  }

  @Test func aPeerClosingInsideABodyIsATruncatedFrame() throws {
    let pair = try SecurePair()
    defer { pair.close() }
    try pair.client.framed.connection.writeAll([0, 0, 0, 40] + [UInt8](repeating: 7, count: 10))
    pair.client.framed.close()
    #expect(throws: WireError.truncatedFrame(received: 14, expected: 44)) {
      try pair.server.receive()
    }
  }

  @Test func aPeerClosingInsideAHeaderIsATruncatedFrame() throws {
    let pair = try SecurePair()
    defer { pair.close() }
    try pair.client.framed.connection.writeAll([0, 0])
    pair.client.framed.close()
    #expect(throws: WireError.truncatedFrame(received: 2, expected: 4)) {
      try pair.server.receive()
    }
  }

  @Test func invalidUTF8OpensButHasNoTextAndDisplaysReplacementCharacters() throws {
    let pair = try SecurePair()
    defer { pair.close() }
    try pair.client.framed.send(try sealed([0xff, 0xfe], key: pair.key))
    let received = try #require(try pair.server.receive())
    #expect(received.plaintext == .success([0xff, 0xfe]))
    #expect(received.text == nil)
    let shown = try #require(received.displayText)
    #expect(shown.contains("\u{FFFD}"))
    #expect(shown == "\u{FFFD}\u{FFFD}")
    try expectNextMessageOpens(pair)
  }

  @Test func terminalEscapesArriveIntactButDisplayEscaped() throws {
    let pair = try SecurePair()
    defer { pair.close() }
    let text = "\u{1b}[2J\rfake line\u{07}"
    try pair.client.send(text)
    let received = try #require(try pair.server.receive())
    #expect(received.text == text)
    #expect(received.displayText == "\\x1b[2J\\x0dfake line\\x07")
  }
}
