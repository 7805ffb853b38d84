#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// Whether to colour, in which theme, and how wide to write: decided here once, and asked by
/// every renderer.
///
/// The static functions are pure (they take the environment and the terminal's answers as
/// arguments) so that every rule can be tested; `current(colorMode:requestedWidth:theme:)` feeds
/// them the real process state.
public struct TerminalSettings: Sendable, Equatable {
  /// Whether to write ANSI colour sequences.
  public var colors: Bool
  /// How many columns to fill; always at least 1.
  public var width: Int
  /// Whose colours to use when `colors` is on.
  public var theme: Theme = .dark

  /// Settings with colour `colors` in `theme` and width `width` (raised to 1 if smaller).
  public init(colors: Bool, width: Int, theme: Theme = .dark) {
    self.colors = colors
    self.width = max(1, width)
    self.theme = theme
  }

  /// The width used when neither `--width`, the terminal nor `COLUMNS` gives one.
  public static let defaultWidth = 80

  /// The values `--width` accepts; the CLI validates against this and reports it.
  ///
  /// From 20 columns up the Markdown and hex-dump renderers keep every line within the width;
  /// below that they still cope (down to 1 column, overflowing where nothing else fits), so
  /// the lower bound is where that promise starts, and the upper one only keeps a typo such as
  /// `--width 8000` from producing unreadable output.
  public static let allowedWidths: ClosedRange<Int> = 20...1000

  /// The settings for this process: `--color`, `--width` and `--theme` resolved against the
  /// environment, standard output and the terminal's size.
  public static func current(
    colorMode: ColorMode,
    requestedWidth: Int?,
    theme requestedTheme: Theme? = nil,
    environment: [String: String] = ProcessInfo.processInfo.environment
  ) -> TerminalSettings {
    let isTerminal = TerminalDevice.standardOutputIsTerminal
    return TerminalSettings(
      colors: colorsEnabled(
        mode: colorMode, environment: environment, outputIsTerminal: isTerminal),
      width: width(
        requested: requestedWidth,
        terminalColumns: isTerminal ? TerminalDevice.currentTerminalColumns() : nil,
        environment: environment),
      theme: Theme.resolve(requested: requestedTheme, environment: environment))
  }

  /// Whether to colour: `--color`, then `NO_COLOR`, then `TERM=dumb`, then whether output is a
  /// terminal.
  ///
  /// `NO_COLOR` counts only when present and not empty, as https://no-color.org asks; an explicit
  /// `--color always` wins over it because the user asked on this very command line.
  public static func colorsEnabled(
    mode: ColorMode, environment: [String: String], outputIsTerminal: Bool
  ) -> Bool {
    switch mode {
    case .always:
      return true
    case .never:
      return false
    case .auto:
      if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return false }
      if environment["TERM"] == "dumb" { return false }
      return outputIsTerminal
    }
  }

  /// The width to fill: `--width`, then the terminal's columns, then `COLUMNS`, then 80.
  ///
  /// Values that are not positive are ignored at every step, as is a `COLUMNS` that is not a
  /// whole number, so the result is always at least 1.
  public static func width(
    requested: Int?, terminalColumns: Int?, environment: [String: String]
  ) -> Int {
    if let requested, requested > 0 { return requested }
    if let terminalColumns, terminalColumns > 0 { return terminalColumns }
    if let text = environment["COLUMNS"], let columns = Int(text), columns > 0 { return columns }
    return defaultWidth
  }

  /// A painter that colours only when these settings say so, in their theme.
  public var painter: Painter {
    Painter(enabled: colors, theme: theme)
  }
}
