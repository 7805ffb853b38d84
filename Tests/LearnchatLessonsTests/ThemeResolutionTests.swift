import Testing

@testable import LearnchatLessons

/// `--theme`, then `LEARNCHAT_THEME`, then `COLORFGBG`, then dark.
@Suite struct ThemeResolutionTests {
  @Test func spellings() {
    #expect(Theme.allCases.map(\.rawValue) == ["dark", "light", "high-contrast"])
    #expect(Theme(rawValue: "high-contrast") == .highContrast)
    #expect(Theme(rawValue: "highContrast") == nil)
  }

  @Test func precedence() {
    let everything = ["LEARNCHAT_THEME": "high-contrast", "COLORFGBG": "0;15"]
    #expect(Theme.resolve(requested: .dark, environment: everything) == .dark)
    #expect(Theme.resolve(requested: nil, environment: everything) == .highContrast)
    #expect(Theme.resolve(requested: nil, environment: ["COLORFGBG": "0;15"]) == .light)
    #expect(Theme.resolve(requested: nil, environment: [:]) == .dark)
  }

  @Test(arguments: ["", "blue", "Dark-ish", "high contrast"])
  func unknownLearnchatThemeIsIgnored(value: String) {
    let environment = ["LEARNCHAT_THEME": value, "COLORFGBG": "0;15"]
    #expect(Theme.resolve(requested: nil, environment: environment) == .light)
  }

  @Test func learnchatThemeIgnoresCaseAndSpaces() {
    #expect(Theme.resolve(requested: nil, environment: ["LEARNCHAT_THEME": " Light "]) == .light)
  }

  /// Background 7 and 9 to 15 are light, 0 to 6 and 8 dark, in both formats.
  @Test(arguments: 0...15)
  func colorFGBGBackgrounds(background: Int) {
    let expected: Theme = background == 7 || background >= 9 ? .light : .dark
    #expect(Theme.fromColorFGBG("15;\(background)") == expected)
    #expect(Theme.fromColorFGBG("0;default;\(background)") == expected)
  }

  @Test(arguments: [
    "", "15", "15;", "15;default", "0;16", "0;255", "0;-1", "0;+7", "a;b", "0;7;8;9", "0;７",
  ])
  func unparsableColorFGBGIsIgnored(value: String) {
    #expect(Theme.fromColorFGBG(value) == nil)
    #expect(Theme.resolve(requested: nil, environment: ["COLORFGBG": value]) == .dark)
  }

  @Test func settingsCarryTheResolvedTheme() {
    let settings = TerminalSettings.current(
      colorMode: .always, requestedWidth: 40, environment: ["COLORFGBG": "0;15"])
    #expect(settings.theme == .light)
    #expect(settings.painter == Painter(enabled: true, theme: .light))
    let requested = TerminalSettings.current(
      colorMode: .always, requestedWidth: 40, theme: .highContrast,
      environment: ["LEARNCHAT_THEME": "light"])
    #expect(requested.theme == .highContrast)
    #expect(TerminalSettings(colors: true, width: 80).theme == .dark)
  }
}
