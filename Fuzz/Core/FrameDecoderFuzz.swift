import LearnchatWire

/// The frame decoder fed one stream in pieces of fuzzer-chosen sizes.
///
/// Input: the first byte seeds the piece sizes (its low 3 bits pick the largest piece, from 1
/// byte to 64 KiB, and empty pieces happen too); the rest is the stream. After every piece the
/// decoder's frames are drained and checked against a model of the stream:
/// - no frame is longer than the limit;
/// - header + body of every frame taken, concatenated, is exactly the stream's prefix so far;
/// - the buffered count, the announced length and `finish()` agree with what is left;
/// - an over-limit header throws `frameTooLarge` with its real length, and keeps throwing.
enum FrameDecoderFuzz {
  static let limit = 4_096

  static func run(_ input: [UInt8]) {
    guard let seed = input.first else { return }
    let stream = Array(input.dropFirst())
    var pieces = PieceSizes(seed: seed)
    var decoder = FrameDecoder(maximumBodySize: limit)
    var appended = 0
    // Bytes of the stream handed out as frames (header and body), from the start.
    var consumed = 0
    repeat {
      let end = min(stream.count, appended + pieces.next())
      decoder.append(stream[appended..<end])
      appended = end
      do {
        while let frame = try decoder.nextFrame() {
          invariant(frame.count <= limit, "a frame of \(frame.count) bytes passed the limit")
          let header = try FrameEncoder.header(bodyCount: frame.count)
          let frameEnd = consumed + header.count + frame.count
          invariant(frameEnd <= appended, "a frame reaches past the bytes appended")
          invariant(
            stream[consumed..<frameEnd].elementsEqual(header + frame),
            "header + frame does not re-encode to the stream at \(consumed)")
          consumed = frameEnd
        }
      } catch {
        checkTooLarge(error, decoder: &decoder, rest: stream[consumed..<appended])
        return
      }
      let rest = stream[consumed..<appended]
      invariant(decoder.bufferedByteCount == rest.count, "buffered count is off")
      invariant(
        decoder.announcedBodyLength == announcedLength(rest).map(Int.init),
        "announced length is off")
      checkFinish(decoder, rest: rest)
    } while appended < stream.count
  }

  /// The length a header at the start of `bytes` announces, computed independently.
  private static func announcedLength(_ bytes: ArraySlice<UInt8>) -> UInt32? {
    guard bytes.count >= 4 else { return nil }
    let start = bytes.startIndex
    return (0..<4).reduce(UInt32(0)) { $0 << 8 | UInt32(bytes[start + $1]) }
  }

  /// After a `frameTooLarge`: the header left really announces more than the limit, and the
  /// decoder keeps refusing it.
  private static func checkTooLarge(
    _ error: WireError, decoder: inout FrameDecoder, rest: ArraySlice<UInt8>
  ) {
    guard let announced = announcedLength(rest).map(Int.init) else {
      fatalError("\(error) thrown without a complete header")
    }
    invariant(announced > limit, "\(error) thrown for \(announced) bytes")
    invariant(error == .frameTooLarge(length: announced, limit: limit), "wrong error \(error)")
    invariant(decoder.bufferedByteCount == rest.count, "buffered count is off after \(error)")
    do {
      _ = try decoder.nextFrame()
      fatalError("a second nextFrame() after \(error) did not throw")
    } catch {
      invariant(error == .frameTooLarge(length: announced, limit: limit), "\(error)")
    }
  }

  /// `finish()` throws exactly when the bytes left (all frames drained) are a partial frame.
  private static func checkFinish(_ decoder: FrameDecoder, rest: ArraySlice<UInt8>) {
    let expected: WireError?
    if rest.isEmpty {
      expected = nil
    } else if let announced = announcedLength(rest).map(Int.init) {
      invariant(rest.count < 4 + announced, "a complete frame was left undrained")
      expected = .truncatedFrame(received: rest.count, expected: 4 + announced)
    } else {
      expected = .truncatedFrame(received: rest.count, expected: 4)
    }
    do {
      try decoder.finish()
      invariant(expected == nil, "finish() accepted a partial frame")
    } catch {
      invariant(
        error == expected, "finish() threw \(error), expected \(String(describing: expected))")
    }
  }
}

/// Piece sizes for one run: a splitmix64 stream seeded by one byte.
struct PieceSizes {
  private static let largest = [1, 2, 3, 5, 8, 64, 1_024, 65_536]
  private var state: UInt64
  private let largest: Int

  init(seed: UInt8) {
    state = UInt64(seed) &* 0x9E37_79B9_7F4A_7C15
    largest = Self.largest[Int(seed & 7)]
  }

  /// The next piece size, from 0 to the largest.
  mutating func next() -> Int {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    z ^= z >> 31
    return Int(z % UInt64(largest + 1))
  }
}
