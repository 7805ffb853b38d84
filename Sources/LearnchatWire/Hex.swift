/// Lower-case hexadecimal text for bytes, and back.
public enum Hex {
  private static let digits = Array("0123456789abcdef")

  /// The two lower-case hex digits of one byte, such as `"0a"`.
  public static func string(_ byte: UInt8) -> String {
    String([digits[Int(byte >> 4)], digits[Int(byte & 0x0f)]])
  }

  /// `bytes` as lower-case hex, two digits per byte, with `separator` between bytes.
  public static func string<Bytes: Sequence<UInt8>>(
    _ bytes: Bytes, separator: String = ""
  ) -> String {
    bytes.map { string($0) }.joined(separator: separator)
  }

  /// The bytes written in `text`, or nil when it is not whole bytes of hex.
  ///
  /// Either case is accepted, and ASCII whitespace anywhere is skipped, so `"00 00 00 2d"` and
  /// text copied from a dump both read; anything else, or an odd number of digits, gives nil.
  public static func bytes(_ text: String) -> [UInt8]? {
    var result: [UInt8] = []
    var high: UInt8?
    for scalar in text.unicodeScalars {
      if scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\r" { continue }
      guard let nibble = value(of: scalar) else { return nil }
      if let pending = high {
        result.append(pending << 4 | nibble)
        high = nil
      } else {
        high = nibble
      }
    }
    return high == nil ? result : nil
  }

  private static func value(of scalar: Unicode.Scalar) -> UInt8? {
    switch scalar {
    case "0"..."9": return UInt8(scalar.value - 48)
    case "a"..."f": return UInt8(scalar.value - 97 + 10)
    case "A"..."F": return UInt8(scalar.value - 65 + 10)
    default: return nil
    }
  }
}
