import LearnchatWire
import Testing

/// A cursor hands out what a connection's socket calls wrote and read, each byte once.
@Suite("TapCursor")
struct TapCursorTests {
  @Test("each direction's bytes are taken once, in order, from where the cursor started")
  func takesWhatCrossed() throws {
    let (server, client) = try makeLoopbackPair()
    defer { closeBoth(server, client) }
    try client.writeAll(Array("before".utf8))
    var cursor = TapCursor(client)
    try client.writeAll([0, 0, 0, 2, 0x68, 0x69])
    #expect(cursor.take(.sent) == [0, 0, 0, 2, 0x68, 0x69])
    #expect(cursor.take(.sent) == [])
    try server.writeAll(Array("reply".utf8))
    var received: [UInt8] = []
    while received.count < 5 { received += try client.read(upTo: 5 - received.count) }
    #expect(cursor.take(.received) == Array("reply".utf8))
    cursor.release()
    #expect(client.tap == nil)
  }

  @Test("a tap already on the connection (a capture's) is read and left in place")
  func leavesAnExistingTap() throws {
    let (server, client) = try makeLoopbackPair()
    defer { closeBoth(server, client) }
    let capture = WireTap()
    client.tap = capture
    var cursor = TapCursor(client)
    try client.writeAll([1, 2, 3])
    #expect(cursor.take(.sent) == [1, 2, 3])
    cursor.release()
    #expect(client.tap === capture)
  }
}
