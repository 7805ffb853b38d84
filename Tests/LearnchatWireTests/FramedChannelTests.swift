import LearnchatTestSupport
import LearnchatWire
import Testing

@Suite struct FramedChannelTests {
  private func makeChannels(maximumBodySize: Int = FrameDecoder.defaultMaximumBodySize) throws
    -> (server: FramedChannel, client: FramedChannel)
  {
    let (server, client) = try makeTestPair()
    return (
      FramedChannel(connection: server, maximumBodySize: maximumBodySize),
      FramedChannel(connection: client, maximumBodySize: maximumBodySize)
    )
  }

  @Test func framesRoundTripBothWays() throws {
    let (server, client) = try makeChannels()
    defer { closeBoth(server, client) }
    try client.send([UInt8](text: "hello"))
    try client.send([])
    try client.send([UInt8](text: "again"))
    #expect(try server.receive() == [UInt8](text: "hello"))
    #expect(try server.receive() == [])
    #expect(try server.receive() == [UInt8](text: "again"))
    try server.send([UInt8](text: "back"))
    #expect(try client.receive() == [UInt8](text: "back"))
  }

  @Test func sendIsOneWriteOfHeaderAndBody() throws {
    let (server, client) = try makeChannels()
    defer { closeBoth(server, client) }
    let tap = WireTap()
    client.connection.tap = tap
    try client.send([UInt8](text: "hello"))
    #expect(tap.records.map(\.direction) == [.sent])
    #expect(tap.records.map(\.bytes) == [[0, 0, 0, 5] + [UInt8](text: "hello")])
    #expect(try server.receive() == [UInt8](text: "hello"))
  }

  @Test func aFrameOfTheMaximumSizeRoundTrips() throws {
    let (server, client) = try makeChannels()
    defer { closeBoth(server, client) }
    var generator = SeededRandom(seed: 5)
    let body = (0..<1_048_576).map { _ in UInt8.random(in: 0...255, using: &generator) }
    let sender = Background { _ = try client.send(body) }
    let received = try server.receive()
    try sender.join()
    #expect(received == body)
  }

  @Test func hugeHeaderThrowsWithoutWaitingForTheBody() throws {
    let (server, client) = try makeChannels()
    defer { closeBoth(server, client) }
    let tap = WireTap()
    server.connection.tap = tap
    // The peer stays connected and sends nothing more: receive must not wait for 4 GiB.
    try client.connection.writeAll([0xFF, 0xFF, 0xFF, 0xFF])
    #expect(throws: WireError.frameTooLarge(length: 4_294_967_295, limit: 1_048_576)) {
      try server.receive()
    }
    #expect(tap.receivedBytes == [0xFF, 0xFF, 0xFF, 0xFF])
  }

  @Test func customLimitRejectsTheNextByteUp() throws {
    let (server, client) = try makeChannels(maximumBodySize: 100)
    defer { closeBoth(server, client) }
    try client.send([UInt8](repeating: 1, count: 100))
    #expect(try server.receive()?.count == 100)
    try client.send([UInt8](repeating: 1, count: 101))
    #expect(throws: WireError.frameTooLarge(length: 101, limit: 100)) { try server.receive() }
  }

  @Test func sendOverItsLimitWritesNothing() throws {
    let (serverConnection, clientConnection) = try makeTestPair()
    let client = FramedChannel(connection: clientConnection, maximumSendBodySize: 3)
    defer {
      serverConnection.close()
      client.close()
    }
    let tap = WireTap()
    clientConnection.tap = tap
    #expect(throws: WireError.bodyTooLargeToEncode(length: 4, limit: 3)) {
      try client.send([1, 2, 3, 4])
    }
    #expect(tap.records.isEmpty)
  }

  @Test func peerClosingInsideAFrameIsTruncation() throws {
    let (server, client) = try makeChannels()
    defer { server.close() }
    try client.connection.writeAll([0, 0, 0, 100, 1, 2, 3])
    client.close()
    #expect(throws: WireError.truncatedFrame(received: 7, expected: 104)) {
      try server.receive()
    }
  }

  @Test func peerClosingBetweenFramesIsACleanEnd() throws {
    let (server, client) = try makeChannels()
    defer { server.close() }
    try client.send([UInt8](text: "last"))
    client.close()
    #expect(try server.receive() == [UInt8](text: "last"))
    #expect(try server.receive() == nil)
  }
}
