import LearnchatWire
import Testing

/// Frames received into the decoder's own buffer and lent where they lie: the receive path of
/// a thread that takes message after message.
@Suite struct FrameReceiveLoopTests {
  /// Feeds `stream` to `decoder` through `read(_:)` in reads of at most `chunk` bytes, taking
  /// every complete frame after each read.
  private func readAll(
    _ stream: [UInt8], chunk: Int, into decoder: inout FrameDecoder
  ) throws -> [[UInt8]] {
    var frames: [[UInt8]] = []
    var offset = 0
    while offset < stream.count {
      let count = decoder.read { room in
        let count = min(chunk, room.count, stream.count - offset)
        room.copyBytes(from: stream[offset..<offset + count])
        return count
      }
      offset += count
      while let frame = try decoder.nextFrame({ Array($0.bytes) }) { frames.append(frame) }
    }
    return frames
  }

  @Test func readPutsBytesStraightIntoTheBufferAndReusesIt() throws {
    let bodies = sampleBodies(count: 6000, seed: 11).map { Array($0.prefix(64)) }
    let stream = try bodies.flatMap { try FrameEncoder.encode($0) }
    let half = try bodies[..<3000].reduce(0) { $0 + (try FrameEncoder.encode($1)).count }
    var decoder = FrameDecoder()
    var frames = try readAll(Array(stream[..<half]), chunk: 1000, into: &decoder)
    let capacity = decoder.capacity
    #expect(capacity >= FramedChannel.readChunkSize)
    #expect(capacity <= 2 * FramedChannel.readChunkSize)
    frames += try readAll(Array(stream[half...]), chunk: 1000, into: &decoder)
    #expect(frames == bodies)
    // Steady traffic reuses one buffer: the second half did not make it grow.
    #expect(decoder.capacity == capacity)
    #expect(decoder.bufferedByteCount == 0)
  }

  @Test func readGivesRoomForTheRestOfAnAnnouncedFrame() throws {
    var decoder = FrameDecoder()
    decoder.append([0, 2, 0, 0])  // 131,072 bytes announced, more than the first buffer
    var room = 0
    _ = decoder.read { buffer in
      room = buffer.count
      return 0
    }
    #expect(room >= 131_072)
  }

  @Test func receiveFramesLendsBodiesUntilToldToStop() throws {
    let (serverConnection, clientConnection) = try makeTestPair()
    let server = FramedChannel(connection: serverConnection)
    let client = FramedChannel(connection: clientConnection)
    defer { closeBoth(server, client) }
    for text in ["one", "two", "three", "four"] { try client.send([UInt8](text: text)) }
    var lent: [[UInt8]] = []
    let stopped = try server.receiveFrames { body in
      lent.append(Array(body.bytes))
      return lent.count < 3
    }
    #expect(stopped)
    #expect(lent == ["one", "two", "three"].map { [UInt8](text: $0) })
    // What the loop did not take waits for the next receive.
    #expect(try server.receive() == [UInt8](text: "four"))
  }

  @Test func receiveFramesEndsAtACleanClose() throws {
    let (serverConnection, clientConnection) = try makeTestPair()
    let server = FramedChannel(connection: serverConnection)
    defer { server.close() }
    let client = FramedChannel(connection: clientConnection)
    try client.send([UInt8](text: "last"))
    try client.send([])
    client.close()
    var lent: [[UInt8]] = []
    let stopped = try server.receiveFrames { body in
      lent.append(Array(body.bytes))
      return true
    }
    #expect(!stopped)
    #expect(lent == [[UInt8](text: "last"), []])
  }

  @Test func receiveFramesThrowsWhenThePeerClosesInsideAFrame() throws {
    let (serverConnection, clientConnection) = try makeTestPair()
    let server = FramedChannel(connection: serverConnection)
    defer { server.close() }
    try clientConnection.writeAll(try FrameEncoder.encode([1, 2]) + [0, 0, 0, 9, 1])
    clientConnection.close()
    var lent = 0
    #expect(throws: WireError.truncatedFrame(received: 5, expected: 13)) {
      _ = try server.receiveFrames { _ in
        lent += 1
        return true
      }
    }
    #expect(lent == 1)
  }
}

extension Span<UInt8> {
  /// The span's bytes, copied.
  fileprivate var bytes: [UInt8] { withUnsafeBufferPointer { Array($0) } }
}
