import LearnchatWire

/// A named span of bytes in something that crossed the wire, so a renderer can label it.
public struct FrameField: Sendable, Equatable {
  /// What the bytes are, such as "length" or "nonce".
  public let name: String
  /// Where they are, as offsets into the bytes the field belongs to.
  public let range: Range<Int>
  /// A human reading of the value, such as "451 bytes follow"; nil to show the bytes in hex.
  public let note: String?

  /// A field called `name` spanning `range`, read as `note` when one is given.
  public init(name: String, range: Range<Int>, note: String? = nil) {
    self.name = name
    self.range = range
    self.note = note
  }

  /// The 4-byte big-endian length prefix of a frame whose body has `bodyCount` bytes.
  /// Every demo's frames start with it (`FrameDecoder.headerSize` bytes).
  public static func lengthPrefix(bodyCount: Int) -> FrameField {
    let hex = String(bodyCount, radix: 16)
    let padded = String(repeating: "0", count: max(0, 8 - hex.count)) + hex
    return FrameField(
      name: "length", range: 0..<FrameDecoder.headerSize,
      note: "\(bodyCount) bytes follow (0x\(padded), big-endian)")
  }
}
