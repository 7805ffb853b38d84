/// Reassembles frames (4-byte big-endian length, then the body) from reads of any size.
///
/// Feed it whatever each read returned with ``append(_:)``, then take frames with
/// ``nextFrame()`` until it returns nil. A read may hold one byte of a header, or several whole
/// frames. The announced length is checked against ``maximumBodySize`` as soon as the 4 header
/// bytes are in, before anything is set aside for the body, so a peer that announces 4 GiB costs
/// nothing (the original demo's receiver would try to read it all).
public struct FrameDecoder: Sendable {
  /// 1 MiB (1,048,576 bytes): ample for a chat message, a public key or a wrapped key.
  public static let defaultMaximumBodySize = 1_048_576
  /// The length prefix: 4 bytes.
  public static let headerSize = 4

  /// Consumed bytes are dropped from the front of the buffer only once at least this many have
  /// piled up (and they are at least half the buffer): moving the rest after every small frame
  /// would make many small frames cost O(n^2).
  private static let compactionThreshold = 4_096

  /// The longest body accepted; a longer announcement throws `WireError.frameTooLarge`.
  public let maximumBodySize: Int

  private var buffer: [UInt8] = []
  /// Where the first byte not yet handed out as a frame is in `buffer`.
  private var readIndex = 0

  /// A decoder that accepts bodies of up to `maximumBodySize` bytes.
  public init(maximumBodySize: Int = FrameDecoder.defaultMaximumBodySize) {
    precondition(maximumBodySize >= 0, "a maximum body size cannot be negative")
    self.maximumBodySize = maximumBodySize
  }

  /// How many received bytes are held that are not yet part of a returned frame.
  public var bufferedByteCount: Int { buffer.count - readIndex }

  /// The body length the current frame's header announced, once its 4 header bytes are in.
  ///
  /// Not checked against the limit: a lesson can show what a hostile peer asked for.
  public var announcedBodyLength: Int? {
    Self.parseLength(buffer[readIndex...]).map(Int.init)
  }

  /// Reads a frame header: the first 4 bytes as an unsigned big-endian length.
  ///
  /// - Returns: nil when fewer than 4 bytes are given.
  public static func parseLength(_ header: some Collection<UInt8>) -> UInt32? {
    guard header.count >= headerSize else { return nil }
    return header.prefix(headerSize).reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
  }

  /// Adds bytes just read from the stream.
  public mutating func append(_ bytes: some Collection<UInt8>) {
    if readIndex == buffer.count {
      buffer.removeAll(keepingCapacity: true)
      readIndex = 0
    } else if readIndex >= Self.compactionThreshold && readIndex * 2 >= buffer.count {
      buffer.removeSubrange(..<readIndex)
      readIndex = 0
    }
    buffer.append(contentsOf: bytes)
  }

  /// The next complete frame's body, or nil until more bytes arrive.
  ///
  /// - Throws: `WireError.frameTooLarge` as soon as a header announces more than
  ///   ``maximumBodySize``. The stream cannot be resynchronized after that, so the header stays
  ///   buffered and later calls throw the same error.
  public mutating func nextFrame() throws(WireError) -> [UInt8]? {
    guard let announced = announcedBodyLength else { return nil }
    guard announced <= maximumBodySize else {
      throw .frameTooLarge(length: announced, limit: maximumBodySize)
    }
    let bodyStart = readIndex + Self.headerSize
    guard buffer.count - bodyStart >= announced else { return nil }
    let body = Array(buffer[bodyStart..<bodyStart + announced])
    readIndex = bodyStart + announced
    return body
  }

  /// Checks, at end of stream, that it did not end inside a frame.
  ///
  /// Complete frames still buffered are not an error here; they can still be taken.
  /// - Throws: `WireError.truncatedFrame(received:expected:)`, counting the header: a partial
  ///   header is `received` of 4; a partial body is `received` of 4 plus the announced length.
  public func finish() throws(WireError) {
    var start = readIndex
    while start < buffer.count {
      let available = buffer.count - start
      guard let announced = Self.parseLength(buffer[start...]) else {
        throw .truncatedFrame(received: available, expected: Self.headerSize)
      }
      let frameSize = Self.headerSize + Int(announced)
      guard available >= frameSize else {
        throw .truncatedFrame(received: available, expected: frameSize)
      }
      start += frameSize
    }
  }
}
