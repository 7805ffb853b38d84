import Foundation
import LearnchatChat
import LearnchatDemos
import LearnchatWire
import Testing

/// `learnchat serve` with more than one client, and with none: what a class meets when everyone
/// connects to the instructor's server at once.
@Suite("learnchat serve: idle, busy, and silent connections")
struct ServerManyClientsTests {
  /// The text of the notice frame a turned-away connection gets, read up to the close.
  static func notice(from connection: TCPConnection) -> String {
    var arrived: [UInt8] = []
    while let chunk = try? connection.read(upTo: 4096), !chunk.isEmpty { arrived += chunk }
    return String(decoding: arrived.dropFirst(FrameDecoder.headerSize), as: UTF8.self)
  }

  @Test("a line typed with no one connected is refused, never sent to a later client")
  func idleLineIsNotQueued() throws {
    let (server, port) = try Learnchat.serve(["--demo", "2"])
    defer { server.terminate() }
    try server.send("for nobody")
    try server.expectLine(
      containing: "[!] No one", toBe: "[!] No one is connected: \"for nobody\" was not sent")
    let client = try SecureTestClient(port: port)
    defer { client.close() }
    try server.waitForLine(containing: "Ready (encrypted channel)")
    try server.send("hello")
    // The first message the client gets is the one typed during the chat.
    #expect(try client.receiveText() == "hello")
  }

  @Test(
    "exit, or the end of input, stops a server no one is connected to", arguments: [true, false])
  func idleExit(typed: Bool) throws {
    let (server, _) = try Learnchat.serve(["--demo", "2"])
    defer { server.terminate() }
    if typed { try server.send("exit") } else { server.closeInput() }
    try server.expectExit(0)
    #expect(!server.output.contains("[!]"))
  }

  @Test("a second client during a chat is told at once that the server is busy, logged once")
  func busy() throws {
    let (server, port) = try Learnchat.serve(["--demo", "2", "--handshake-timeout", "600"])
    defer { server.terminate() }
    let first = try SecureTestClient(port: port)
    defer { first.close() }
    try server.waitForLine(containing: "Ready (encrypted channel)")

    let second = try Learnchat.connect(port: port, ["--demo", "2", "--handshake-timeout", "600"])
    defer { second.terminate() }
    // Without the notice it would wait the whole handshake timeout: the deadline is far shorter.
    try second.expectExit(1)
    #expect(
      second.errorOutput
        == "learnchat: the server turned this connection away: busy with another chat; try "
        + "again later\n")
    let turnedAway = try server.waitForLine(containing: "[*] Turned away")
    #expect(turnedAway.hasSuffix(": busy with another chat"))

    // The first chat goes on, and the departed client is never mentioned again.
    try first.channel.send("still here")
    try server.expectLine(containing: "[Peer]", toBe: "[Peer]: still here")
    try first.channel.send("exit")
    try server.waitForLine(containing: "[Peer exited]")
    try server.waitForLine(containing: "ended; waiting for the next client ...")
    #expect(server.output.components(separatedBy: "Turned away").count == 2)
    #expect(!server.output.contains("[!]"))
  }

  @Test(
    "silent connections do not hold up a real client; beyond the limit they are refused",
    arguments: [2, 3])
  func silentConnections(demo: Int) throws {
    let arguments = ["--handshake-timeout", "600"]
    let demo3 = demo == 3 ? try Demo3Server(arguments) : nil
    defer { demo3?.stop() }
    let (server, port) =
      try demo3.map { ($0.server, $0.port) } ?? Learnchat.serve(["--demo", "2"] + arguments)
    defer { server.terminate() }
    // Each of these would hold a one-at-a-time server for ten minutes.
    var silent: [TCPConnection] = []
    defer { for connection in silent { connection.close() } }
    for _ in 0..<(ChatServer.handshakeLimit - 1) { silent.append(try rawConnection(port: port)) }
    for _ in 0..<(ChatServer.handshakeLimit - 1) {
      try server.waitForLine(containing: "[*] Connection from")
    }
    // The real client takes the last place, and its chat starts at once.
    let client = try demo3?.connect() ?? Learnchat.connect(port: port, ["--demo", "2"])
    defer { client.terminate() }
    try client.waitForLine(containing: "Ready (encrypted channel)")
    try server.waitForLine(containing: "Ready (encrypted channel)")
    // The silent ones were told the server is busy now, and a new one is refused at once.
    let late = try rawConnection(port: port)
    defer { late.close() }
    #expect(Self.notice(from: late).hasPrefix(ChatNotice.busy))
    client.closeInput()
    try client.expectExit(0)
  }

  @Test("beyond the limit of handshakes in progress, a connection is refused at once")
  func full() throws {
    let (server, port) = try Learnchat.serve(["--demo", "2", "--handshake-timeout", "600"])
    defer { server.terminate() }
    var silent: [TCPConnection] = []
    defer { for connection in silent { connection.close() } }
    for _ in 0..<ChatServer.handshakeLimit {
      silent.append(try rawConnection(port: port))
      try server.waitForLine(containing: "[*] Connection from")
    }
    let extra = try rawConnection(port: port)
    defer { extra.close() }
    #expect(Self.notice(from: extra).hasPrefix(ChatNotice.full))
    let line = try server.waitForLine(containing: "[*] Turned away")
    #expect(line.hasSuffix("16 connections are already waiting for their handshakes"))
  }
}
