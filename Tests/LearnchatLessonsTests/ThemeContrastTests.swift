import Foundation
import Testing

@testable import LearnchatLessons

/// The contrast of every colour of every theme against the background that theme assumes,
/// computed from the palette itself (WCAG 2.x), and the hues that keep fields apart.
@Suite struct ThemeContrastTests {
  /// The backgrounds the themes are made for: #262626, #eeeeee and black.
  @Test func backgrounds() {
    #expect(Theme.dark.palette.background == 235)
    #expect(Theme.light.palette.background == 255)
    #expect(Theme.highContrast.palette.background == 16)
    #expect(Xterm256.rgb(Theme.highContrast.palette.background)! == (0, 0, 0))
    #expect(Theme.highContrast.palette.minimumContrast == 7)
    #expect(Theme.dark.palette.minimumContrast == 4.5)
    #expect(Theme.light.palette.minimumContrast == 4.5)
  }

  @Test(arguments: Theme.allCases)
  func everyColorIsReadableOnItsBackground(theme: Theme) throws {
    let palette = theme.palette
    for (role, ink) in palette.allInks {
      let ratio = try #require(ContrastRatio.between(ink.color, palette.background))
      #expect(
        ratio >= palette.minimumContrast,
        "\(theme) \(role): \(ink.color) is \(ratio):1 on \(palette.background)")
    }
  }

  /// Neighbouring field colours differ in hue by at least 30 degrees (so they differ by more
  /// than brightness), every field colour has a hue at all, and only the last two, which repeat
  /// the first two hues, are underlined.
  @Test(arguments: Theme.allCases)
  func fieldColorsAreDistinguishable(theme: Theme) throws {
    let fields = ANSIPalette.fieldColors.map { theme.palette.ink(for: $0) }
    let hues = try fields.map { try #require(Self.hue(of: $0.color), "\(theme): a grey field") }
    for index in fields.indices {
      let next = (index + 1) % fields.count
      let difference = abs(hues[index] - hues[next])
      #expect(
        min(difference, 360 - difference) >= 30,
        "\(theme): field \(index) and \(next) are \(hues[index])° and \(hues[next])°")
    }
    #expect(fields.map(\.underline) == [false, false, false, false, false, false, true, true])
    #expect(fields[6].color == fields[0].color && fields[7].color == fields[1].color)
  }

  /// Light backgrounds wash out bright yellow and cyan: the light theme's inks stay darker
  /// than mid-grey.
  @Test func lightThemeUsesOnlyDeepColours() throws {
    for (role, ink) in Theme.light.palette.allInks {
      let rgb = try #require(Xterm256.rgb(ink.color))
      #expect(ContrastRatio.relativeLuminance(rgb) < 0.2, "light \(role): \(ink.color)")
    }
  }

  // MARK: - The arithmetic itself

  @Test func paletteValues() {
    #expect(Xterm256.rgb(16)! == (0, 0, 0))
    #expect(Xterm256.rgb(231)! == (255, 255, 255))
    #expect(Xterm256.rgb(196)! == (255, 0, 0))
    #expect(Xterm256.rgb(80)! == (95, 215, 215))
    #expect(Xterm256.rgb(232)! == (8, 8, 8))
    #expect(Xterm256.rgb(255)! == (238, 238, 238))
    for basic in UInt8(0)...15 { #expect(Xterm256.rgb(basic) == nil) }
  }

  /// Values from the WCAG definition and its well-known examples.
  @Test func contrastRatios() throws {
    #expect(ContrastRatio.between((0, 0, 0), (255, 255, 255)) == 21)
    #expect(ContrastRatio.between((119, 119, 119), (119, 119, 119)) == 1)
    // #767676 on white is the usual "just passes AA" grey: 4.54:1.
    let grey = ContrastRatio.between((0x76, 0x76, 0x76), (255, 255, 255))
    #expect(abs(grey - 4.54) < 0.01)
    // Pure red on white: 4.0:1; the order of the two colours does not matter.
    let red = ContrastRatio.between((255, 0, 0), (255, 255, 255))
    #expect(abs(red - 3.998) < 0.001)
    #expect(red == ContrastRatio.between((255, 255, 255), (255, 0, 0)))
    #expect(ContrastRatio.between(0, 255) == nil, "basic colours have no fixed value")
    #expect(ContrastRatio.relativeLuminance((255, 255, 255)) == 1)
    #expect(abs(ContrastRatio.linear(128) - 0.2158605) < 1e-6)
  }

  /// The hue of a palette entry in degrees, or nil for a grey.
  static func hue(of index: UInt8) -> Double? {
    guard let (red, green, blue) = Xterm256.rgb(index) else { return nil }
    let r = Double(red)
    let g = Double(green)
    let b = Double(blue)
    let high = max(r, g, b)
    let low = min(r, g, b)
    let range = high - low
    guard range > 0 else { return nil }
    let hue: Double
    switch high {
    case r: hue = 60 * ((g - b) / range).truncatingRemainder(dividingBy: 6)
    case g: hue = 60 * ((b - r) / range + 2)
    default: hue = 60 * ((r - g) / range + 4)
    }
    return hue < 0 ? hue + 360 : hue
  }
}
