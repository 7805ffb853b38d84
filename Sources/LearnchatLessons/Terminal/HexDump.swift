/// Bytes to show, with their fields labelled and an optional title.
///
/// A value only: `HexDumpRenderer` and `HexDumpHTMLRenderer` turn it into text.
public struct HexDump: Sendable, Equatable {
  /// The bytes, as they crossed the wire.
  public var bytes: [UInt8]
  /// The labelled spans, in the order the field table lists them.
  ///
  /// Field `i` takes colour `i` (see `ANSIPalette.fieldColors`). Where fields overlap, a byte
  /// takes the colour of the first field that contains it, so list a part before its whole.
  public var fields: [ByteField]
  /// A line shown above the dump, such as `client → server: public-key frame (455 bytes)`.
  public var title: String?

  /// A dump of `bytes` with `fields` labelled, under `title` when one is given.
  public init(bytes: [UInt8], fields: [ByteField] = [], title: String? = nil) {
    self.bytes = bytes
    self.fields = fields
    self.title = title
  }

  /// For each byte, the index of the first field that contains it, or nil.
  func fieldIndexByOffset() -> [Int?] {
    var indexes = [Int?](repeating: nil, count: bytes.count)
    for (index, field) in fields.enumerated().reversed() {
      let lower = min(max(0, field.range.lowerBound), bytes.count)
      let upper = min(max(lower, field.range.upperBound), bytes.count)
      for offset in lower..<upper { indexes[offset] = index }
    }
    return indexes
  }
}
