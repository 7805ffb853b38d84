#if canImport(Glibc)
  import Glibc
#endif

/// The WCAG 2.x contrast ratio between two colours, from 1 (none) to 21 (black on white).
///
/// WCAG asks 4.5:1 for ordinary text and 7:1 for its enhanced level; the themes are checked
/// against these with the palette's own RGB values, so a theme cannot drift into a colour that
/// vanishes on a projector.
public enum ContrastRatio {
  /// The ratio between two sRGB colours: (lighter + 0.05) / (darker + 0.05) of their relative
  /// luminances.
  public static func between(
    _ first: (red: UInt8, green: UInt8, blue: UInt8),
    _ second: (red: UInt8, green: UInt8, blue: UInt8)
  ) -> Double {
    let a = relativeLuminance(first)
    let b = relativeLuminance(second)
    return (max(a, b) + 0.05) / (min(a, b) + 0.05)
  }

  /// The ratio between two palette entries; nil when either is one of the 16 basic colours,
  /// whose values depend on the terminal.
  public static func between(_ first: UInt8, _ second: UInt8) -> Double? {
    guard let a = Xterm256.rgb(first), let b = Xterm256.rgb(second) else { return nil }
    return between(a, b)
  }

  /// Relative luminance: each channel through the sRGB transfer function, then weighted by
  /// how bright the eye finds it (0.2126 red, 0.7152 green, 0.0722 blue).
  public static func relativeLuminance(_ color: (red: UInt8, green: UInt8, blue: UInt8)) -> Double {
    0.2126 * linear(color.red) + 0.7152 * linear(color.green) + 0.0722 * linear(color.blue)
  }

  /// One sRGB channel (0 to 255) as linear light (0 to 1).
  static func linear(_ channel: UInt8) -> Double {
    let value = Double(channel) / 255
    return value <= 0.04045 ? value / 12.92 : pow((value + 0.055) / 1.055, 2.4)
  }
}
