import LearnchatTestSupport
import LearnchatWire
import Testing

@Suite struct FrameDecoderTests {
  /// Decodes `stream` fed in pieces of the given sizes, taking frames after every piece.
  private func decode(_ stream: [UInt8], pieceSizes: some Sequence<Int>) throws -> [[UInt8]] {
    var decoder = FrameDecoder()
    var frames: [[UInt8]] = []
    var offset = 0
    for size in pieceSizes where offset < stream.count {
      let end = min(offset + size, stream.count)
      decoder.append(stream[offset..<end])
      offset = end
      while let frame = try decoder.nextFrame() { frames.append(frame) }
    }
    #expect(offset == stream.count)
    #expect(decoder.bufferedByteCount == 0)
    try decoder.finish()
    return frames
  }

  private func stream(of bodies: [[UInt8]]) throws -> [UInt8] {
    try bodies.flatMap { try FrameEncoder.encode($0) }
  }

  @Test func roundTripsManyFramesInOneAppend() throws {
    let bodies = sampleBodies(count: 200, seed: 7)
    let bytes = try stream(of: bodies)
    #expect(try decode(bytes, pieceSizes: [bytes.count]) == bodies)
  }

  @Test func roundTripsOneByteAtATime() throws {
    let bodies = sampleBodies(count: 60, seed: 8)
    let bytes = try stream(of: bodies)
    #expect(try decode(bytes, pieceSizes: repeatElement(1, count: bytes.count)) == bodies)
  }

  @Test(arguments: [1, 2, 3, 42, 2024] as [UInt64])
  func roundTripsUnderRandomSplits(seed: UInt64) throws {
    // About 75 KB, so the decoder compacts its buffer many times with partial frames left over.
    let bodies = sampleBodies(count: 500, seed: seed)
    let bytes = try stream(of: bodies)
    var generator = SeededRandom(seed: seed &* 31)
    let sizes = (0..<bytes.count).map { _ in Int.random(in: 1...700, using: &generator) }
    #expect(try decode(bytes, pieceSizes: sizes) == bodies)
  }

  @Test func noFrameUntilItIsComplete() throws {
    var decoder = FrameDecoder()
    decoder.append([0, 0, 0])
    #expect(try decoder.nextFrame() == nil)
    decoder.append([2, 0xAA])
    #expect(decoder.announcedBodyLength == 2)
    #expect(try decoder.nextFrame() == nil)
    decoder.append([0xBB, 0, 0])
    #expect(try decoder.nextFrame() == [0xAA, 0xBB])
    #expect(try decoder.nextFrame() == nil)
    #expect(decoder.bufferedByteCount == 2)
  }

  @Test func hugeHeaderThrowsAsSoonAsItIsComplete() throws {
    var decoder = FrameDecoder()
    decoder.append([0xFF, 0xFF, 0xFF])
    #expect(try decoder.nextFrame() == nil)
    decoder.append([0xFF])
    let error = #expect(throws: WireError.self) { try decoder.nextFrame() }
    #expect(error == .frameTooLarge(length: 4_294_967_295, limit: 1_048_576))
    #expect(error?.description == "frame too large (4294967295 bytes, limit 1048576)")
    // Only the header itself is held: nothing was set aside for the announced 4 GiB.
    #expect(decoder.bufferedByteCount == 4)
  }

  @Test func hugeHeaderThrowsEvenWithBodyBytesBehindIt() {
    var decoder = FrameDecoder()
    decoder.append([0xFF, 0xFF, 0xFF, 0xFF] + [UInt8](repeating: 1, count: 100))
    #expect(throws: WireError.frameTooLarge(length: 4_294_967_295, limit: 1_048_576)) {
      try decoder.nextFrame()
    }
    #expect(decoder.bufferedByteCount == 104)
  }

  @Test func customLimitIsInclusive() throws {
    var decoder = FrameDecoder(maximumBodySize: 100)
    decoder.append(try FrameEncoder.encode([UInt8](repeating: 9, count: 100)))
    #expect(try decoder.nextFrame() == [UInt8](repeating: 9, count: 100))

    decoder.append(try FrameEncoder.encode([UInt8](repeating: 9, count: 101)).prefix(4))
    #expect(throws: WireError.frameTooLarge(length: 101, limit: 100)) {
      try decoder.nextFrame()
    }
  }

  @Test func parseLengthReadsFourBigEndianBytes() {
    #expect(FrameDecoder.parseLength([0x01, 0x02, 0x03, 0x04]) == 0x0102_0304)
    #expect(FrameDecoder.parseLength([0xFF, 0xFF, 0xFF, 0xFF, 0x00]) == UInt32.max)
    #expect(FrameDecoder.parseLength([0x00, 0x00, 0x05]) == nil)
  }

  @Test func partialHeaderAtEndIsTruncation() {
    var decoder = FrameDecoder()
    decoder.append([0, 0])
    #expect(throws: WireError.truncatedFrame(received: 2, expected: 4)) { try decoder.finish() }
  }

  @Test func headerOnlyAtEndIsTruncation() {
    var decoder = FrameDecoder()
    decoder.append([0, 0, 0, 100])
    #expect(throws: WireError.truncatedFrame(received: 4, expected: 104)) {
      try decoder.finish()
    }
  }

  @Test func partialBodyAfterWholeFramesIsTruncation() throws {
    var decoder = FrameDecoder()
    decoder.append(try FrameEncoder.encode([1, 2]) + [0, 0, 0, 100, 1, 2, 3])
    #expect(try decoder.nextFrame() == [1, 2])
    #expect(try decoder.nextFrame() == nil)
    let error = #expect(throws: WireError.self) { try decoder.finish() }
    #expect(error == .truncatedFrame(received: 7, expected: 104))
    #expect(error?.description == "stream ended inside a frame (got 7 of 104 bytes)")
  }

  @Test func cleanEndIsNotAnError() throws {
    var decoder = FrameDecoder()
    try decoder.finish()
    decoder.append(try FrameEncoder.encode([1]) + FrameEncoder.encode([]))
    // Whole frames not yet taken are not a truncation either.
    try decoder.finish()
    #expect(try decoder.nextFrame() == [1])
    #expect(try decoder.nextFrame() == [])
    try decoder.finish()
  }
}
