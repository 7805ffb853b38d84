import LearnchatWire

#if canImport(Glibc)
  import Glibc
#endif

/// An sRGB colour written as CSS hex, `#rrggbb`, with the WCAG 2 measures of how readable text
/// in one colour is on another.
///
/// The page's palette is a table of hex strings (`HTMLPalette`); this type reads them so the
/// tests can check every pairing the page draws against the WCAG AA threshold.
struct HTMLColor: Equatable, Sendable {
  let red: UInt8
  let green: UInt8
  let blue: UInt8

  /// The colour `#rrggbb` (either case), or nil for anything else.
  init?(hex: String) {
    let digits = Array(hex.utf8)
    guard digits.count == 7, digits[0] == UInt8(ascii: "#"),
      let bytes = Hex.bytes(String(hex.dropFirst())), bytes.count == 3
    else { return nil }
    (red, green, blue) = (bytes[0], bytes[1], bytes[2])
  }

  /// WCAG 2's relative luminance: 0 for black, 1 for white.
  var relativeLuminance: Double {
    // Each channel linearised from sRGB, then weighted as the eye weighs them.
    func linear(_ channel: UInt8) -> Double {
      let value = Double(channel) / 255
      return value <= 0.04045 ? value / 12.92 : pow((value + 0.055) / 1.055, 2.4)
    }
    return 0.2126 * linear(red) + 0.7152 * linear(green) + 0.0722 * linear(blue)
  }

  /// WCAG 2's contrast ratio between two colours, from 1 (the same) to 21 (black on white);
  /// the order does not matter.
  static func contrast(_ first: HTMLColor, _ second: HTMLColor) -> Double {
    let lighter = max(first.relativeLuminance, second.relativeLuminance)
    let darker = min(first.relativeLuminance, second.relativeLuminance)
    return (lighter + 0.05) / (darker + 0.05)
  }
}
