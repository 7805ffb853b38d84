/// Reassembles frames (4-byte big-endian length, then the body) from reads of any size.
///
/// Feed it whatever each read returned with ``append(_:)`` (or let it read into its own buffer
/// with ``read(_:)``), then take frames with ``nextFrame()`` until it returns nil. A read may hold
/// one byte of a header, or several whole frames. The announced length is checked against
/// ``maximumBodySize`` as soon as the 4 header bytes are in, before anything is set aside for the
/// body, so a peer that announces 4 GiB costs nothing (the original demo's receiver would try to
/// read it all).
///
/// The buffer is kept and reused: once it is as large as the traffic needs, reading and taking
/// frames with ``read(_:)`` and ``nextFrame(_:)`` allocates nothing.
public struct FrameDecoder: Sendable {
  /// 1 MiB (1,048,576 bytes): ample for a chat message, a public key or a wrapped key.
  public static let defaultMaximumBodySize = 1_048_576
  /// The length prefix: 4 bytes.
  public static let headerSize = 4
  /// The buffer's first size: 64 KiB, room for one read while everything read is taken.
  static let initialCapacity = 65_536
  /// The least room ``read(_:)`` gives a read: 64 KiB, so that steady traffic takes one system
  /// call per 64 KiB or so (16 KiB messages came at 20 % more per second than with 16 KiB
  /// reads). With less left at the end of the buffer, the unread bytes move to its front first,
  /// or the buffer grows (to 128 KiB for traffic that leaves part of a frame between reads).
  static let minimumReadRoom = 65_536

  /// The longest body accepted; a longer announcement throws `WireError.frameTooLarge`.
  public let maximumBodySize: Int

  /// Received bytes live in `storage[readIndex..<endIndex]`; the rest of `storage` is room for
  /// the next read. Its size only grows, so steady traffic reuses the same memory.
  private var storage: [UInt8] = []
  /// Where the first byte not yet handed out as a frame is in `storage`.
  private var readIndex = 0
  /// Where the received bytes end in `storage`.
  private var endIndex = 0

  /// A decoder that accepts bodies of up to `maximumBodySize` bytes.
  public init(maximumBodySize: Int = FrameDecoder.defaultMaximumBodySize) {
    precondition(maximumBodySize >= 0, "a maximum body size cannot be negative")
    self.maximumBodySize = maximumBodySize
  }

  /// How many received bytes are held that are not yet part of a returned frame.
  public var bufferedByteCount: Int { endIndex - readIndex }

  /// How many bytes the buffer can hold before it must grow: what this decoder has set aside.
  public var capacity: Int { storage.count }

  /// The body length the current frame's header announced, once its 4 header bytes are in.
  ///
  /// Not checked against the limit: a lesson can show what a hostile peer asked for.
  public var announcedBodyLength: Int? {
    Self.parseLength(storage[readIndex..<endIndex]).map(Int.init)
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
    makeRoom(for: bytes.count)
    storage.withUnsafeMutableBufferPointer { buffer in
      let room = UnsafeMutableBufferPointer(rebasing: buffer[endIndex..<endIndex + bytes.count])
      _ = room.initialize(fromContentsOf: bytes)
    }
    endIndex += bytes.count
  }

  /// Lets `read` put bytes straight into the buffer's free room (a `recv`, without an array in
  /// between), and returns how many it put there: 0 means end of stream.
  ///
  /// The room is at least large enough for the rest of a frame whose header is in (and within
  /// the limit), so a frame is never read piecewise for want of space.
  public mutating func read(_ read: (UnsafeMutableRawBufferPointer) throws -> Int) rethrows
    -> Int
  {
    makeRoom(for: max(Self.minimumReadRoom, missingByteCount))
    let count = try storage.withUnsafeMutableBytes { buffer in
      let room = UnsafeMutableRawBufferPointer(rebasing: buffer[endIndex...])
      let count = try read(room)
      precondition(
        (0...room.count).contains(count), "a read reported more bytes than it had room for")
      return count
    }
    endIndex += count
    return count
  }

  /// The next complete frame's body, or nil until more bytes arrive.
  ///
  /// - Throws: `WireError.frameTooLarge` as soon as a header announces more than
  ///   ``maximumBodySize``. The stream cannot be resynchronized after that, so the header stays
  ///   buffered and later calls throw the same error.
  public mutating func nextFrame() throws(WireError) -> [UInt8]? {
    guard let body = try nextBodyRange() else { return nil }
    return Array(storage[body])
  }

  /// Lends the next complete frame's body (or, with `includingHeader`, the whole frame as it
  /// arrived, length prefix first) to `body` where it lies in the buffer, without copying it;
  /// nil until more bytes arrive. The span is valid only during the call.
  ///
  /// The frame counts as taken even if `body` throws.
  /// - Throws: `WireError.frameTooLarge` as ``nextFrame()`` does, and what `body` throws.
  public mutating func nextFrame<Result>(
    includingHeader: Bool = false, _ body: (Span<UInt8>) throws -> Result
  ) throws -> Result? {
    guard let range = try nextBodyRange() else { return nil }
    let lent = includingHeader ? (range.lowerBound - Self.headerSize)..<range.upperBound : range
    return try body(storage.span.extracting(lent))
  }

  /// Checks, at end of stream, that it did not end inside a frame.
  ///
  /// Complete frames still buffered are not an error here; they can still be taken.
  /// - Throws: `WireError.truncatedFrame(received:expected:)`, counting the header: a partial
  ///   header is `received` of 4; a partial body is `received` of 4 plus the announced length.
  public func finish() throws(WireError) {
    var start = readIndex
    while start < endIndex {
      let available = endIndex - start
      guard let announced = Self.parseLength(storage[start..<endIndex]) else {
        throw .truncatedFrame(received: available, expected: Self.headerSize)
      }
      let frameSize = Self.headerSize + Int(announced)
      guard available >= frameSize else {
        throw .truncatedFrame(received: available, expected: frameSize)
      }
      start += frameSize
    }
  }

  /// Where the next complete frame's body lies in `storage`, marking it taken; nil until it is
  /// all in.
  private mutating func nextBodyRange() throws(WireError) -> Range<Int>? {
    guard let announced = announcedBodyLength else { return nil }
    guard announced <= maximumBodySize else {
      throw .frameTooLarge(length: announced, limit: maximumBodySize)
    }
    let bodyStart = readIndex + Self.headerSize
    guard endIndex - bodyStart >= announced else { return nil }
    readIndex = bodyStart + announced
    return bodyStart..<readIndex
  }

  /// How many bytes the current frame still lacks, once its header is in and within the limit.
  private var missingByteCount: Int {
    guard let announced = announcedBodyLength, announced <= maximumBodySize else { return 0 }
    return max(0, Self.headerSize + announced - bufferedByteCount)
  }

  /// Makes room for `count` more bytes after `endIndex`.
  ///
  /// Unread bytes move to the front only when at least as many bytes before them are consumed:
  /// each byte is then moved at most once for every byte handed out, so many small frames never
  /// cost O(n^2). Otherwise the buffer doubles (or grows to fit), its only allocation.
  private mutating func makeRoom(for count: Int) {
    let unread = bufferedByteCount
    if unread == 0 {
      readIndex = 0
      endIndex = 0
    }
    if storage.count - endIndex >= count { return }
    if readIndex >= unread && storage.count - unread >= count {
      // memmove: the two ranges may overlap.
      storage.withUnsafeMutableBytes { buffer in
        guard let base = buffer.baseAddress else { return }
        base.copyMemory(from: base + readIndex, byteCount: unread)
      }
    } else {
      let size = max(Self.initialCapacity, storage.count * 2, unread + count)
      var grown = [UInt8](repeating: 0, count: size)
      grown.withUnsafeMutableBufferPointer { buffer in
        _ = buffer.initialize(fromContentsOf: storage[readIndex..<endIndex])
      }
      storage = grown
    }
    readIndex = 0
    endIndex = unread
  }
}
