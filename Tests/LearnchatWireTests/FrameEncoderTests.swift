import LearnchatWire
import Testing

@Suite struct FrameEncoderTests {
  @Test func headerIsFourBigEndianBytesThenTheBody() throws {
    let frame = try FrameEncoder.encode([UInt8](text: "hello"))
    #expect(frame == [0x00, 0x00, 0x00, 0x05, 0x68, 0x65, 0x6C, 0x6C, 0x6F])
  }

  @Test func emptyBodyIsAHeaderOfZeros() throws {
    #expect(try FrameEncoder.encode([UInt8]()) == [0, 0, 0, 0])
  }

  @Test func lengthIsBigEndian() throws {
    let frame = try FrameEncoder.encode([UInt8](repeating: 7, count: 0x0102))
    #expect(Array(frame.prefix(4)) == [0x00, 0x00, 0x01, 0x02])
    #expect(frame.count == 4 + 0x0102)
  }

  @Test func bodyOverTheLimitIsRefused() throws {
    let encoder = FrameEncoder(maximumBodySize: 3)
    #expect(try encoder.encode([1, 2, 3]) == [0, 0, 0, 3, 1, 2, 3])
    #expect(throws: WireError.bodyTooLargeToEncode(length: 4, limit: 3)) {
      try encoder.encode([1, 2, 3, 4])
    }
  }

  @Test func limitNeverExceedsWhatFourBytesCanSay() {
    #expect(FrameEncoder(maximumBodySize: .max).maximumBodySize == 4_294_967_295)
    #expect(FrameEncoder().maximumBodySize == FrameEncoder.largestBodySize)
  }
}
