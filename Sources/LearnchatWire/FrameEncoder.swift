/// Turns a body into a frame: its length as 4 unsigned big-endian bytes, then the body.
///
/// `00 00 00 05 68 65 6c 6c 6f` is the frame for `hello`. This is the framing of demo 2.
public struct FrameEncoder: Sendable {
  /// The longest body 4 bytes of length can announce: 4,294,967,295 bytes.
  public static let largestBodySize = Int(UInt32.max)

  /// The longest body this encoder accepts; never more than ``largestBodySize``.
  public let maximumBodySize: Int

  /// An encoder that refuses bodies longer than `maximumBodySize` bytes.
  public init(maximumBodySize: Int = FrameEncoder.largestBodySize) {
    precondition(maximumBodySize >= 0, "a maximum body size cannot be negative")
    self.maximumBodySize = min(maximumBodySize, Self.largestBodySize)
  }

  /// The frame for `body`: header and body in one array, ready for one write.
  ///
  /// - Throws: `WireError.bodyTooLargeToEncode` if `body` is longer than ``maximumBodySize``.
  public func encode(_ body: some Collection<UInt8>) throws(WireError) -> [UInt8] {
    let length = body.count
    guard length <= maximumBodySize else {
      throw .bodyTooLargeToEncode(length: length, limit: maximumBodySize)
    }
    var frame: [UInt8] = []
    frame.reserveCapacity(FrameDecoder.headerSize + length)
    frame += try Self.header(bodyCount: length)
    frame.append(contentsOf: body)
    return frame
  }

  /// The 4-byte length prefix for a body of `bodyCount` bytes (demo 3 authenticates it).
  ///
  /// - Throws: `WireError.bodyTooLargeToEncode` past what 4 bytes can announce.
  public static func header(bodyCount: Int) throws(WireError) -> [UInt8] {
    guard let length = UInt32(exactly: bodyCount) else {
      throw .bodyTooLargeToEncode(length: bodyCount, limit: largestBodySize)
    }
    return withUnsafeBytes(of: length.bigEndian) { Array($0) }
  }

  /// Writes the 4-byte length prefix for a body of `bodyCount` bytes at the start of `output`,
  /// for a sender that builds frames in place.
  ///
  /// - Throws: `WireError.bodyTooLargeToEncode` past what 4 bytes can announce.
  public static func writeHeader(bodyCount: Int, into output: Slice<UnsafeMutableRawBufferPointer>)
    throws(WireError)
  {
    guard let length = UInt32(exactly: bodyCount) else {
      throw .bodyTooLargeToEncode(length: bodyCount, limit: largestBodySize)
    }
    precondition(output.count >= FrameDecoder.headerSize, "room for a 4-byte length prefix")
    UnsafeMutableRawBufferPointer(rebasing: output).storeBytes(
      of: length.bigEndian, as: UInt32.self)
  }

  /// The frame for `body`, with no limit but the 4-byte length's.
  public static func encode(_ body: some Collection<UInt8>) throws(WireError) -> [UInt8] {
    try FrameEncoder().encode(body)
  }
}
