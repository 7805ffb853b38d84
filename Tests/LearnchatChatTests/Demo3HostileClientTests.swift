import Foundation
import LearnchatChat
import LearnchatDemos
import LearnchatWire
import Testing

/// Clients that break demo 3's protocol, against `learnchat serve --demo 3` (kept serving: no
/// `--once`, standard input left open). After each, a well-behaved client chats, proving the
/// server survived.
@Suite("Hostile clients against learnchat serve --demo 3")
struct Demo3HostileClientTests {
  /// Expects the server to say message `number` failed authentication, to hang up on `hostile`,
  /// and to wait for its next client.
  static func expectAuthenticationFailure(
    of number: Int, from hostile: Demo3TestClient, at demo3: Demo3Server
  ) throws {
    try demo3.server.expectLine(
      containing: "[!]",
      toBe: "[!] message \(number) failed authentication (tampered, replayed, reflected, "
        + "dropped or reordered): closing the connection")
    #expect(peerCloses(hostile.framed.connection))
    try demo3.server.waitForLine(containing: "ended; waiting for the next client ...")
  }

  @Test("a 31-byte ClientHello fails the handshake")
  func shortClientHello() throws {
    let demo3 = try Demo3Server()
    defer { demo3.stop() }
    let hostile = FramedChannel(connection: try rawConnection(port: demo3.port))
    defer { hostile.close() }
    try hostile.send([UInt8](repeating: 0x42, count: 31))
    try demo3.server.expectComplaint(
      startingWith: "[!] handshake failed: the ClientHello is 31 bytes; demo 3 expects 32")
    #expect(peerCloses(hostile.connection))
    #expect(!demo3.server.output.contains("Ready (encrypted channel)"))
    try demo3.chatAsGoodClient(tag: "after a short ClientHello")
  }

  @Test("a client that sends nothing is dropped after --handshake-timeout")
  func silentClientTimesOut() throws {
    let demo3 = try Demo3Server(["--handshake-timeout", "0.5"])
    defer { demo3.stop() }
    let silent = try rawConnection(port: demo3.port)
    defer { silent.close() }
    try demo3.server.expectComplaint(
      startingWith: "[!] handshake timed out: nothing arrived within 0.5 s")
    // The server speaks second: it hung up without sending a byte.
    #expect(try silent.read(upTo: 65_536).isEmpty)
    try demo3.chatAsGoodClient(tag: "after a silent client")
  }

  @Test(
    "a message frame with a flipped bit ends the connection",
    arguments: [("ciphertext", 4), ("tag", 4 + 9 + 15)])
  func tamperedFrame(part: String, offset: Int) throws {
    let demo3 = try Demo3Server()
    defer { demo3.stop() }
    let hostile = try Demo3TestClient(port: demo3.port)
    defer { hostile.close() }
    try demo3.server.waitForLine(containing: "Ready (encrypted channel)")

    // Sealed on the side with the session's keys as message 0, then one bit flipped.
    let (sealer, sink) = try makeLoopbackPair()
    defer {
      sealer.close()
      sink.close()
    }
    let side = try Demo3.Channel(
      framed: FramedChannel(connection: sealer), keys: hostile.keys, role: .client)
    var frame = try side.send("tampered!").frame
    // "tampered!" is 9 bytes: ciphertext at 4..<13, tag at 13..<29.
    #expect(frame.count == 4 + 9 + 16, "\(part)")
    frame[offset] ^= 0x01
    try hostile.sendRaw(frame)
    try Self.expectAuthenticationFailure(of: 0, from: hostile, at: demo3)
    #expect(!demo3.server.output.contains("[Peer]: tampered!"))
    try demo3.chatAsGoodClient(tag: "after a tampered \(part)")
  }

  @Test("a replayed message frame ends the connection")
  func replayedFrame() throws {
    let demo3 = try Demo3Server()
    defer { demo3.stop() }
    let hostile = try Demo3TestClient(port: demo3.port)
    defer { hostile.close() }
    try demo3.server.waitForLine(containing: "Ready (encrypted channel)")

    let sent = try hostile.channel.send("pay 10 coins")
    try demo3.server.expectLine(containing: "[Peer]", toBe: "[Peer]: pay 10 coins")
    try hostile.sendRaw(sent.frame)
    try Self.expectAuthenticationFailure(of: 1, from: hostile, at: demo3)
    #expect(demo3.server.output.components(separatedBy: "[Peer]: pay 10 coins").count == 2)
    try demo3.chatAsGoodClient(tag: "after a replay")
  }
}
