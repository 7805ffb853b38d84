import LearnchatDemos
import LearnchatWire
import Testing

@Suite struct Demo1PeerTests {
  private struct Peers {
    let server: Demo1.Peer
    let client: Demo1.Peer

    init() throws {
      let (server, client) = try makeLoopbackPair()
      try server.setReadTimeout(30)
      try client.setReadTimeout(30)
      self.server = Demo1.Peer(connection: server)
      self.client = Demo1.Peer(connection: client)
    }

    func close() {
      server.connection.close()
      client.connection.close()
    }
  }

  @Test func sendWritesTheUTF8BytesAndNothingElse() throws {
    let peers = try Peers()
    defer { peers.close() }
    let tap = WireTap()
    peers.client.connection.tap = tap
    let sent = try peers.client.send("Grüße 👋")
    #expect(sent == [UInt8](text: "Grüße 👋"))
    #expect(tap.sentBytes == sent)
    #expect(try peers.server.receive() == sent)
  }

  @Test func twoSendsBeforeAReceiveArriveAsOneMessage() throws {
    let peers = try Peers()
    defer { peers.close() }
    try peers.client.send("hello")
    try peers.client.send("world")
    // No framing: the receiver cannot tell where the first message ended.
    #expect(try peers.server.receive() == [UInt8](text: "helloworld"))
  }

  @Test func aLongMessageArrivesInPiecesOfAtMost4096Bytes() throws {
    let peers = try Peers()
    defer { peers.close() }
    let text = String(repeating: "0123456789", count: 1_000)
    try peers.client.send(text)
    peers.client.connection.close()
    var pieces: [[UInt8]] = []
    while let piece = try peers.server.receive() { pieces.append(piece) }
    #expect(Demo1.Peer.readSize == 4096)
    #expect(pieces.count >= 3)
    #expect(pieces.allSatisfy { $0.count <= 4096 })
    #expect(pieces.flatMap { $0 } == [UInt8](text: text))
  }

  @Test func receiveIsNilAfterThePeerCloses() throws {
    let peers = try Peers()
    defer { peers.close() }
    try peers.client.send("bye")
    peers.client.connection.close()
    #expect(try peers.server.receive() == [UInt8](text: "bye"))
    #expect(try peers.server.receive() == nil)
  }
}
