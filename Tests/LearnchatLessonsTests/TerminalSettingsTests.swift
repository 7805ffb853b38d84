import Testing

@testable import LearnchatLessons

@Suite struct TerminalSettingsTests {
  /// `NO_COLOR` unset, set but empty (which does not count), and set.
  static let noColorValues: [String?] = [nil, "", "1"]
  /// `TERM` unset, an ordinary terminal, and `dumb`.
  static let termValues: [String?] = [nil, "xterm-256color", "dumb"]

  static func environment(noColor: String?, term: String?) -> [String: String] {
    var environment: [String: String] = ["HOME": "/root"]
    environment["NO_COLOR"] = noColor
    environment["TERM"] = term
    return environment
  }

  @Test func alwaysAndNeverIgnoreEverythingElse() {
    for noColor in Self.noColorValues {
      for term in Self.termValues {
        for tty in [false, true] {
          let environment = Self.environment(noColor: noColor, term: term)
          #expect(
            TerminalSettings.colorsEnabled(
              mode: .always, environment: environment, outputIsTerminal: tty))
          #expect(
            !TerminalSettings.colorsEnabled(
              mode: .never, environment: environment, outputIsTerminal: tty))
        }
      }
    }
  }

  /// The whole table for `auto`: NO_COLOR × TERM × tty, written out.
  @Test(
    arguments: [
      // NO_COLOR, TERM, tty, colour
      (nil, nil, true, true), (nil, nil, false, false),
      (nil, "xterm-256color", true, true), (nil, "xterm-256color", false, false),
      (nil, "dumb", true, false), (nil, "dumb", false, false),
      ("", nil, true, true), ("", nil, false, false),
      ("", "xterm-256color", true, true), ("", "xterm-256color", false, false),
      ("", "dumb", true, false), ("", "dumb", false, false),
      ("1", nil, true, false), ("1", nil, false, false),
      ("1", "xterm-256color", true, false), ("1", "xterm-256color", false, false),
      ("1", "dumb", true, false), ("1", "dumb", false, false),
    ] as [(String?, String?, Bool, Bool)])
  func autoDecision(noColor: String?, term: String?, tty: Bool, expected: Bool) {
    let environment = Self.environment(noColor: noColor, term: term)
    #expect(
      TerminalSettings.colorsEnabled(mode: .auto, environment: environment, outputIsTerminal: tty)
        == expected)
  }

  @Test func colorModeSpellings() {
    #expect(ColorMode.allCases.map(\.rawValue) == ["auto", "always", "never"])
    #expect(ColorMode(rawValue: "always") == .always)
    #expect(ColorMode(rawValue: "yes") == nil)
  }

  @Test func widthPrecedence() {
    let columns = ["COLUMNS": "120"]
    #expect(TerminalSettings.width(requested: 50, terminalColumns: 100, environment: columns) == 50)
    #expect(
      TerminalSettings.width(requested: nil, terminalColumns: 100, environment: columns) == 100)
    #expect(
      TerminalSettings.width(requested: nil, terminalColumns: nil, environment: columns) == 120)
    #expect(TerminalSettings.width(requested: nil, terminalColumns: nil, environment: [:]) == 80)
    #expect(TerminalSettings.width(requested: 1, terminalColumns: nil, environment: [:]) == 1)
  }

  @Test(arguments: ["", "abc", "0", "-5", "80x", " 100", "1e3", "99999999999999999999999"])
  func garbageColumnsIsIgnored(columns: String) {
    let width = TerminalSettings.width(
      requested: nil, terminalColumns: nil, environment: ["COLUMNS": columns])
    #expect(width == TerminalSettings.defaultWidth)
  }

  @Test func nonPositiveValuesFallThrough() {
    let environment = ["COLUMNS": "90"]
    #expect(
      TerminalSettings.width(requested: 0, terminalColumns: 0, environment: environment) == 90)
    #expect(
      TerminalSettings.width(requested: -3, terminalColumns: 70, environment: environment) == 70)
  }

  @Test func allowedWidthsIsSane() {
    #expect(TerminalSettings.allowedWidths.contains(TerminalSettings.defaultWidth))
    #expect(TerminalSettings.allowedWidths.lowerBound >= 1)
  }

  @Test func settingsNeverHoldAWidthBelowOne() {
    #expect(TerminalSettings(colors: false, width: 0).width == 1)
    #expect(TerminalSettings(colors: true, width: 40).painter == Painter(enabled: true))
  }

  /// Under `swift test` standard output is a pipe or a file, not a terminal; either way the
  /// queries must answer without crashing, and a non-terminal reports no columns.
  @Test func deviceQueriesAnswer() {
    if !TerminalDevice.standardOutputIsTerminal {
      #expect(TerminalDevice.currentTerminalColumns() == nil)
    }
    #expect(!TerminalDevice.isTerminal(-1))
    let settings = TerminalSettings.current(
      colorMode: .never, requestedWidth: 33, environment: [:])
    #expect(settings == TerminalSettings(colors: false, width: 33))
  }
}
