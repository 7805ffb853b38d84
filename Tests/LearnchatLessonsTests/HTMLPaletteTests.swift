import Testing

@testable import LearnchatLessons

/// The page's colours, from the same table the CSS is written from, against WCAG 2's AA
/// thresholds: 4.5:1 for text, 3:1 for the focus ring.
@Suite struct HTMLPaletteTests {
  @Test func contrastMatchesWCAGExamples() throws {
    let black = try #require(HTMLColor(hex: "#000000"))
    let white = try #require(HTMLColor(hex: "#FFFFFF"))
    #expect(HTMLColor.contrast(black, white) == 21)
    #expect(HTMLColor.contrast(white, white) == 1)
    // #767676 is the lightest grey that passes on white (4.54), #777777 the first that fails.
    let passing = try #require(HTMLColor(hex: "#767676"))
    let failing = try #require(HTMLColor(hex: "#777777"))
    #expect(HTMLColor.contrast(passing, white) >= 4.5)
    #expect(HTMLColor.contrast(white, failing) < 4.5)
    #expect(abs(HTMLColor.contrast(passing, white) - 4.54) < 0.005)
  }

  @Test(arguments: ["", "#fff", "123456", "#12345g", "#1234567", "# 12345", "#12 34 5"])
  func malformedHexIsRefused(hex: String) {
    #expect(HTMLColor(hex: hex) == nil)
  }

  @Test(arguments: HTMLPalette.schemes.map(\.name))
  func everyTextPairingIsReadable(scheme: String) throws {
    let palette = try #require(HTMLPalette.schemes.first { $0.name == scheme })
    #expect(palette.textPairs.count > 40)
    for pair in palette.textPairs {
      let foreground = try #require(HTMLColor(hex: pair.foreground), "\(pair.what)")
      let background = try #require(HTMLColor(hex: pair.background), "\(pair.what)")
      let ratio = HTMLColor.contrast(foreground, background)
      #expect(ratio >= 4.5, "\(scheme): \(pair.what) is \(ratio):1")
    }
  }

  @Test(arguments: HTMLPalette.schemes.map(\.name))
  func fieldColoursOnTheDump(scheme: String) throws {
    let palette = try #require(HTMLPalette.schemes.first { $0.name == scheme })
    #expect(palette.fields.count == ANSIPalette.fieldColors.count)
    let dump = try #require(HTMLColor(hex: palette.dump))
    for (slot, hex) in palette.fields.enumerated() {
      let ratio = HTMLColor.contrast(try #require(HTMLColor(hex: hex)), dump)
      #expect(ratio >= 4.5, "\(scheme): f\(slot) \(hex) on \(palette.dump) is \(ratio):1")
    }
    // Neighbouring fields must not look alike.
    for slot in 0..<5 {
      #expect(palette.fields[slot] != palette.fields[slot + 1])
    }
  }

  @Test(arguments: HTMLPalette.schemes.map(\.name))
  func focusRingIsVisible(scheme: String) throws {
    let palette = try #require(HTMLPalette.schemes.first { $0.name == scheme })
    let focus = try #require(HTMLColor(hex: palette.focus))
    for background in [palette.page, palette.dump, palette.code] {
      let ratio = HTMLColor.contrast(focus, try #require(HTMLColor(hex: background)))
      #expect(ratio >= 3, "\(scheme): focus on \(background) is \(ratio):1")
    }
  }

  @Test func cssCarriesEveryScheme() {
    let css = HTMLPalette.css
    #expect(css.contains(":root { color-scheme: light dark; \(HTMLPalette.light.cssVariables) }"))
    #expect(
      css.contains(
        "@media screen and (prefers-color-scheme: dark) { :root { "
          + "\(HTMLPalette.dark.cssVariables) } }"))
    #expect(css.contains("@media print { :root { color-scheme: light; "))
    for slot in 0..<8 {
      #expect(
        HTMLPalette.dark.cssVariables.contains("--f\(slot): \(HTMLPalette.dark.fields[slot]);"))
    }
    #expect(HTMLPalette.light.cssVariables.contains("--dump: #f6f6f4;"))
  }
}
