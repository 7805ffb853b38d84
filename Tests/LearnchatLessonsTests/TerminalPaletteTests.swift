import Testing

@testable import LearnchatLessons

@Suite struct TerminalPaletteTests {
  @Test func paintWrapsOnlyWhenEnabled() {
    let server = ThemePalette.dark.ink(for: .server)
    #expect(Painter.paint("key", .server, enabled: false) == "key")
    #expect(
      Painter.paint("key", .server, enabled: true) == "\u{1B}[38;5;\(server.color)mkey\u{1B}[0m")
    #expect(Painter(enabled: true).paint("", .server) == "")
    #expect(Painter(enabled: false, theme: .light).paint("key", .server) == "key")
  }

  /// The painter uses its own theme's palette, and the dark theme when none is given.
  @Test(arguments: Theme.allCases)
  func paintUsesTheTheme(theme: Theme) {
    let attacker = theme.palette.ink(for: .attacker)
    #expect(
      Painter(enabled: true, theme: theme).paint("!", .attacker)
        == "\u{1B}[1;38;5;\(attacker.color)m!\u{1B}[0m")
    #expect(Painter(enabled: true) == Painter(enabled: true, theme: .dark))
    #expect(
      TerminalColor.error.sgrParameters(in: theme) == theme.palette.ink(for: .error).sgrParameters)
  }

  @Test func fieldColorsCycle() {
    let count = ANSIPalette.fieldColors.count
    #expect(count == 8)
    #expect(Set(ANSIPalette.fieldColors).count == count)
    #expect(ANSIPalette.fieldColor(0) == .field0)
    #expect(ANSIPalette.fieldColor(count) == .field0)
    #expect(ANSIPalette.fieldColor(count + 3) == ANSIPalette.fieldColor(3))
    #expect(ANSIPalette.fieldSlot(-1) == count - 1)
  }

  /// Neighbouring fields must never look alike: compare each colour with the next, in every
  /// theme.
  @Test(arguments: Theme.allCases)
  func neighbouringFieldColorsDiffer(theme: Theme) {
    let codes = ANSIPalette.fieldColors.map { $0.sgrParameters(in: theme) }
    for index in codes.indices {
      #expect(codes[index] != codes[(index + 1) % codes.count])
    }
  }

  /// Every colour is a 256-colour foreground, with at most bold and underline: never dim (2),
  /// and never the basic colours (30-37, 90-97) that each terminal scheme redefines.
  @Test(arguments: Theme.allCases)
  func everyColorIsA256ColourSGRSequence(theme: Theme) {
    for (role, ink) in theme.palette.allInks {
      #expect(
        ink.sgrParameters.wholeMatch(of: #/(1;)?(4;)?38;5;([0-9]{1,3})/#) != nil,
        "\(theme) \(role): \(ink.sgrParameters)")
      #expect(ink.color >= 16, "\(theme) \(role) uses a basic colour")
    }
  }
}
