import Foundation
import LearnchatChat
import LearnchatDemos
import LearnchatWire
import Testing

/// Clients that break the protocol, against `learnchat serve --demo 2` (kept serving: no
/// `--once`, standard input left open). After each, a well-behaved client chats, proving the
/// server survived.
@Suite("Hostile clients against learnchat serve")
struct HostileClientTests {
  /// A 4-byte big-endian length prefix.
  private func header(_ length: UInt32) -> [UInt8] {
    withUnsafeBytes(of: length.bigEndian) { Array($0) }
  }

  @Test("a frame header of ff ff ff ff after the handshake is refused without allocating 4 GiB")
  func hugeFrameHeader() throws {
    let (server, port) = try Learnchat.serve(["--demo", "2"])
    defer { server.terminate() }
    let hostile = try SecureTestClient(port: port)
    defer { hostile.close() }
    try server.waitForLine(containing: "Ready (encrypted channel)")
    try hostile.sendRaw([0xff, 0xff, 0xff, 0xff])
    try server.expectLine(
      containing: "[!]",
      toBe: "[!] frame of 4294967295 bytes exceeds the 1048576-byte limit; closing the connection")
    #expect(peerCloses(hostile.framed.connection))
    // Trusting the header would have cost 4 GiB. The server's own peak is about 30 MB (70 MB
    // under AddressSanitizer, whose shadow memory and quarantine count too), so 256 MiB leaves
    // room for both and still catches the allocation.
    let peak = try server.peakMemory()
    #expect(peak < 256 << 20)
    try server.waitForLine(containing: "ended; waiting for the next client ...")
    try chatAsGoodClient(with: server, port: port, tag: "after ff ff ff ff")
  }

  @Test("--max-frame 1000 takes a 1000-byte frame and refuses a 1001-byte one")
  func customFrameLimit() throws {
    let (server, port) = try Learnchat.serve(["--demo", "2", "--max-frame", "1000"])
    defer { server.terminate() }
    let hostile = try SecureTestClient(port: port)
    defer { hostile.close() }
    try server.waitForLine(containing: "Ready (encrypted channel)")
    // At the limit: read whole, then it fails to open like any garbage body.
    try hostile.sendRaw(header(1000) + [UInt8](repeating: 0x41, count: 1000))
    try server.waitForLine(containing: "[!] Failed to decrypt message (")
    try hostile.sendRaw(header(1001) + [UInt8](repeating: 0x41, count: 1001))
    try server.expectLine(
      containing: "[!]",
      toBe: "[!] frame of 1001 bytes exceeds the 1000-byte limit; closing the connection")
    #expect(peerCloses(hostile.framed.connection))
    try server.waitForLine(containing: "ended; waiting for the next client ...")
    try chatAsGoodClient(with: server, port: port, tag: "after 1001 bytes")
  }

  /// What a hostile client does during the handshake, once it has the server's key.
  struct HandshakeAttack: Sendable, CustomTestStringConvertible {
    let testDescription: String
    /// Bytes sent after the public-key frame arrived.
    let bytes: [UInt8]
    /// Whether the client then hangs up (instead of waiting to be dropped).
    var hangsUp = false
    /// The server's complaint, from its start.
    let expected: String

    static let all = [
      HandshakeAttack(
        testDescription: "a 100-byte wrapped key",
        bytes: [0x00, 0x00, 0x00, 100] + [UInt8](repeating: 0x5a, count: 100),
        expected: "[!] handshake failed: the wrapped session key is unusable: "),
      HandshakeAttack(
        testDescription: "256 bytes of garbage as the wrapped key",
        bytes: [0x00, 0x00, 0x01, 0x00] + (0..<256).map { UInt8(truncatingIfNeeded: $0 &* 37) },
        expected: "[!] handshake failed: the wrapped session key is unusable: "),
      HandshakeAttack(
        testDescription: "a 256-byte frame cut off after 10 bytes",
        bytes: [0x00, 0x00, 0x01, 0x00] + [UInt8](repeating: 0x5a, count: 10), hangsUp: true,
        expected:
          "[!] handshake failed: the peer closed the connection in the middle of a frame (got 14 of 260 bytes)"
      ),
      HandshakeAttack(
        testDescription: "nothing, then closing",
        bytes: [], hangsUp: true,
        expected:
          "[!] handshake failed: the peer closed the connection before sending the wrapped session key"
      ),
    ]
  }

  @Test(
    "a broken handshake is reported, and the next client is served", arguments: HandshakeAttack.all)
  func brokenHandshake(attack: HandshakeAttack) throws {
    let (server, port) = try Learnchat.serve(["--demo", "2"])
    defer { server.terminate() }
    let hostile = FramedChannel(connection: try rawConnection(port: port))
    defer { hostile.close() }
    let pem = try #require(try hostile.receive())
    #expect(pem.starts(with: Array("-----BEGIN PUBLIC KEY-----\n".utf8)))
    try hostile.connection.writeAll(attack.bytes)
    if attack.hangsUp { try hostile.connection.shutdown(.write) }
    try server.expectComplaint(startingWith: attack.expected)
    #expect(peerCloses(hostile.connection))
    #expect(!server.output.contains("Ready (encrypted channel)"))
    try chatAsGoodClient(with: server, port: port, tag: "after \(attack.testDescription)")
  }

  @Test("a client that sends nothing is dropped after --handshake-timeout")
  func silentClientTimesOut() throws {
    let (server, port) = try Learnchat.serve(["--demo", "2", "--handshake-timeout", "0.5"])
    defer { server.terminate() }
    let silent = try rawConnection(port: port)
    defer { silent.close() }
    try server.expectComplaint(
      startingWith: "[!] handshake timed out: nothing arrived within 0.5 s")
    // The server hung up: what arrived before the end is its public-key frame, nothing else.
    var received: [UInt8] = []
    while true {
      let chunk = try silent.read(upTo: 65_536)
      if chunk.isEmpty { break }
      received += chunk
    }
    #expect(received.count == 455)
    try chatAsGoodClient(with: server, port: port, tag: "after a silent client")
  }

  @Test("bodies that do not open are reported and the chat goes on")
  func undecryptableBodies() throws {
    let (server, port) = try Learnchat.serve(["--demo", "2"])
    defer { server.terminate() }
    let client = try SecureTestClient(port: port)
    defer { client.close() }
    try server.waitForLine(containing: "Ready (encrypted channel)")

    // Too short to hold a nonce and a tag (28 bytes).
    try client.sendRaw(header(27) + [UInt8](repeating: 0x01, count: 27))
    try server.waitForLine(containing: "[!] Failed to decrypt message (")
    try client.channel.send("after a short body")
    try server.expectLine(containing: "[Peer]", toBe: "[Peer]: after a short body")

    // Sealed with the session key on the side, then one bit flipped in each part.
    let (sealer, sink) = try makeLoopbackPair()
    defer {
      sealer.close()
      sink.close()
    }
    let side = try Demo2.Channel(framed: FramedChannel(connection: sealer), key: client.channel.key)
    // "tampered!" is 9 bytes: nonce at 4..<16, ciphertext at 16..<25, tag at 25..<41.
    for (part, offset) in [("nonce", 4), ("ciphertext", 20), ("tag", 40)] {
      var frame = try side.send("tampered!").frame
      #expect(frame.count == 4 + 12 + 9 + 16)
      frame[offset] ^= 0x01
      try client.sendRaw(frame)
      try server.waitForLine(containing: "[!] Failed to decrypt message (")
      try client.channel.send("after a flipped bit in the \(part)")
      try server.expectLine(
        containing: "[Peer]", toBe: "[Peer]: after a flipped bit in the \(part)")
    }
    // Unflipped, the same sealing opens: the failures above were the flipped bits.
    try client.sendRaw(try side.send("sealed on the side").frame)
    try server.expectLine(containing: "[Peer]", toBe: "[Peer]: sealed on the side")
    #expect(!server.output.contains("tampered!"))
    #expect(server.output.components(separatedBy: "[!] Failed to decrypt message (").count == 5)

    try server.send("still talking")
    let reply = try client.receiveText()
    #expect(reply == "still talking")
  }

  @Test(
    "a sealed message that is not UTF-8 is flagged and shown with replacement characters",
    .enabled(if: OriginalChat.isAvailable))
  func invalidUTF8() throws {
    let (server, port) = try Learnchat.serve(["--demo", "2"])
    defer { server.terminate() }
    let client = try SecureTestClient(port: port)
    defer { client.close() }
    try server.waitForLine(containing: "Ready (encrypted channel)")
    let body = try OriginalChat.seal(
      [0x48, 0x69, 0xff, 0x20, 0xc3, 0x28, 0x21], key: client.keyBytes)
    try client.sendRaw(header(UInt32(body.count)) + body)
    try server.expectLine(
      containing: "[!]", toBe: "[!] The message is not valid UTF-8; bad bytes are shown as \u{FFFD}"
    )
    try server.expectLine(containing: "[Peer]", toBe: "[Peer]: Hi\u{FFFD} \u{FFFD}(!")
    try client.channel.send("valid again")
    try server.expectLine(containing: "[Peer]", toBe: "[Peer]: valid again")
  }

  @Test("control characters from the peer are shown escaped, never written raw")
  func escapeSequences() throws {
    let (server, port) = try Learnchat.serve(["--demo", "2"])
    defer { server.terminate() }
    let client = try SecureTestClient(port: port)
    defer { client.close() }
    try server.waitForLine(containing: "Ready (encrypted channel)")
    try client.channel.send("\u{1B}[2J wiped\u{07}\rfake\u{9B}")
    try server.expectLine(containing: "[Peer]", toBe: #"[Peer]: \x1b[2J wiped\x07\x0dfake\x9b"#)
    try client.channel.send("exit")
    try server.waitForLine(containing: "ended; waiting for the next client ...")
    #expect(server.rawOutput.firstIndex(of: 0x1B) == nil)
    #expect(server.rawOutput.firstIndex(of: 0x07) == nil)
    #expect(server.rawOutput.firstIndex(of: 0x0D) == nil)
    #expect(server.output.unicodeScalars.firstIndex(of: "\u{9B}") == nil)
  }

  /// A timed-out idle chat needs real time to pass; rather than sleep, the server talks to the
  /// client (lines typed on its standard input) until well past the handshake timeout, while
  /// the client stays silent. A read timeout left on the server's socket would have ended the
  /// chat by then.
  @Test("an idle chat is not timed out by --handshake-timeout")
  func idleChatIsNotTimedOut() throws {
    let (server, port) = try Learnchat.serve(["--demo", "2", "--handshake-timeout", "0.5"])
    defer { server.terminate() }
    let client = try SecureTestClient(port: port)
    defer { client.close() }
    try server.waitForLine(containing: "Ready (encrypted channel)")
    let clock = ContinuousClock()
    let silentUntil = clock.now + .seconds(2)
    var count = 0
    while clock.now < silentUntil {
      count += 1
      try server.send("tick \(count)")
      try #require(try client.receiveText() == "tick \(count)", "\(server.output)")
    }
    try client.channel.send("still here after \(count) ticks")
    try server.expectLine(containing: "[Peer]", toBe: "[Peer]: still here after \(count) ticks")
    #expect(!server.output.contains("[!]"))
    #expect(!server.output.contains("ended; waiting"))
  }
}
