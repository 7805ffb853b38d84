extension [UInt8] {
  /// Appends `value` most significant byte first, as network headers want.
  mutating func appendBigEndian<Value: FixedWidthInteger>(_ value: Value) {
    Swift.withUnsafeBytes(of: value.bigEndian) { append(contentsOf: $0) }
  }

  /// Appends `value` least significant byte first, as this writer's pcapng blocks are.
  mutating func appendLittleEndian<Value: FixedWidthInteger>(_ value: Value) {
    Swift.withUnsafeBytes(of: value.littleEndian) { append(contentsOf: $0) }
  }

  /// Appends zero bytes up to the next multiple of 4, as pcapng pads every field.
  mutating func padToFourBytes() {
    append(contentsOf: repeatElement(0, count: (4 - count % 4) % 4))
  }
}
