import LearnchatWire

/// How live values are written into lesson text.
enum ValueText {
  /// Bytes as spaced hex: `a3 5f 00`.
  static func hex(_ bytes: some Collection<UInt8>) -> String {
    Hex.string(bytes, separator: " ")
  }

  /// Long bytes shortened for prose: the first 8 and last 4 bytes, and the count.
  static func short(_ bytes: [UInt8]) -> String {
    guard bytes.count > 16 else { return hex(bytes) }
    return "\(hex(bytes.prefix(8))) … \(hex(bytes.suffix(4))) (\(bytes.count) bytes)"
  }

  /// A port, or `PORT` when ports are hidden for reproducible output.
  static func port(_ port: UInt16, hidden: Bool) -> String {
    hidden ? "PORT" : String(port)
  }
}
