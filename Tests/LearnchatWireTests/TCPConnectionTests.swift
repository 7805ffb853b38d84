import Glibc
import LearnchatTestSupport
import LearnchatWire
import Testing

@Suite struct TCPConnectionTests {
  @Test func bytesGoBothWays() throws {
    let (server, client) = try makeTestPair()
    defer { closeBoth(server, client) }
    try client.writeAll([UInt8](text: "ping"))
    #expect(try server.readExactly(4) == [UInt8](text: "ping"))
    try server.writeAll([UInt8](text: "pong").dropFirst())
    #expect(try client.readExactly(3) == [UInt8](text: "ong"))
  }

  @Test func readReturnsAtMostWhatWasAskedFor() throws {
    let (server, client) = try makeTestPair()
    defer { closeBoth(server, client) }
    try client.writeAll([1, 2, 3, 4, 5])
    let first = try server.read(upTo: 2)
    #expect(first == [1, 2] || first == [1])
    let rest = try server.readExactly(5 - first.count)
    #expect(first + rest == [1, 2, 3, 4, 5])
  }

  @Test func readExactlyAssemblesSeveralWrites() throws {
    let (server, client) = try makeTestPair()
    defer { closeBoth(server, client) }
    for piece in ["ab", "cd", "ef"] { try client.writeAll([UInt8](text: piece)) }
    #expect(try server.readExactly(6) == [UInt8](text: "abcdef"))
  }

  @Test func readExactlyReportsAnEarlyEnd() throws {
    let (server, client) = try makeTestPair()
    defer { closeBoth(server, client) }
    try client.writeAll([1, 2])
    try client.shutdown(.write)
    let error = #expect(throws: WireError.self) { try server.readExactly(4) }
    #expect(error == .connectionClosed(afterReceiving: 2, of: 4))
    #expect(error?.description == "connection closed after 2 of 4 bytes")
  }

  @Test func readIsEmptyAfterPeerShutsDownWriting() throws {
    let (server, client) = try makeTestPair()
    defer { closeBoth(server, client) }
    try client.writeAll([7])
    try client.shutdown(.write)
    #expect(try server.read(upTo: 16) == [7])
    #expect(try server.read(upTo: 16) == [])
    // The other direction still works after a half close.
    try server.writeAll([8])
    #expect(try client.readExactly(1) == [8])
  }

  @Test func readTimesOutWhenNothingArrives() throws {
    let (server, client) = try makeTestPair()
    defer { closeBoth(server, client) }
    try server.setReadTimeout(0.05)
    #expect(throws: WireError.timedOut(operation: "read")) { try server.read(upTo: 16) }
    #expect(throws: WireError.timedOut(operation: "read")) { try server.readExactly(1) }
    // Removing the timeout leaves a working connection.
    try server.setReadTimeout(nil)
    try client.writeAll([1])
    #expect(try server.readExactly(1) == [1])
  }

  @Test func aLowWatermarkHoldsTheReadUntilEnoughHasArrived() throws {
    let (server, client) = try makeTestPair()
    defer { closeBoth(server, client) }
    try client.writeAll([UInt8](text: "ab"))
    try server.setReceiveLowWatermark(6)
    // Two bytes are there already: without the watermark this read would return them alone,
    // long before the writer's thread has sent the rest.
    let writer = Background {
      try client.writeAll([UInt8](text: "cd"))
      try client.writeAll([UInt8](text: "ef"))
    }
    #expect(try server.read(upTo: 64) == [UInt8](text: "abcdef"))
    try writer.join()
  }

  @Test func writingToAClosedPeerThrowsInsteadOfKillingTheProcess() throws {
    let (server, client) = try makeTestPair()
    defer { server.close() }
    client.close()
    let chunk = [UInt8](repeating: 0x55, count: 65_536)
    // The first writes can still land in the send buffer; the peer's reset then fails a later
    // one. Bounded, so a broken implementation fails the test instead of looping.
    let error = #expect(throws: SystemError.self) {
      for _ in 0..<1_000 { try server.writeAll(chunk) }
    }
    #expect(error?.call == "send")
    #expect(error?.errno == EPIPE || error?.errno == ECONNRESET)
  }

  @Test func largePayloadArrivesWhole() throws {
    let (server, client) = try makeTestPair()
    defer { closeBoth(server, client) }
    var generator = SeededRandom(seed: 99)
    let payload = (0..<3_000_000).map { _ in UInt8.random(in: 0...255, using: &generator) }
    // The writer needs its own thread: 3 MB does not fit in the socket buffers at once.
    let writer = Background { try client.writeAll(payload) }
    let received = try server.readExactly(payload.count)
    try writer.join()
    #expect(received == payload)
  }

  @Test func closeIsIdempotentAndLaterCallsThrow() throws {
    let (server, client) = try makeTestPair()
    defer { server.close() }
    client.close()
    client.close()
    #expect(client.isClosed)
    #expect(throws: WireError.socketClosed(operation: "read")) { try client.read(upTo: 1) }
    #expect(throws: WireError.socketClosed(operation: "write")) { try client.writeAll([1]) }
    #expect(try server.read(upTo: 1) == [])
  }

  @Test func closeFromAnotherThreadEndsABlockedRead() throws {
    let (server, client) = try makeTestPair()
    defer { client.close() }
    let reader = Background { try server.read(upTo: 16) }
    server.close()
    // Closed before the read started: socketClosed; during it: woken with end of stream.
    // Either way it returns, long before the 30 s safety timeout would say timedOut.
    do {
      #expect(try reader.join() == [])
    } catch let error as WireError {
      #expect(error == .socketClosed(operation: "read"))
    }
  }
}
