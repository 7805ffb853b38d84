import ArgumentParser
import LearnchatLessons

extension ColorMode: ExpressibleByArgument {}
extension Theme: ExpressibleByArgument {}

/// `--color`, `--theme` and `--width`: how text looks.
struct TextDisplayOptions: ParsableArguments {
  @Option(help: "Colour: auto (a terminal without NO_COLOR), always or never.")
  var color: ColorMode = .auto

  @Option(
    help: "dark, light or high-contrast (default: LEARNCHAT_THEME, then COLORFGBG, then dark)")
  var theme: Theme?

  @Option(help: "Columns to fill (default: the terminal's width, then COLUMNS, then 80).")
  var width: Int?

  func validate() throws {
    if let width, !TerminalSettings.allowedWidths.contains(width) {
      let range = TerminalSettings.allowedWidths
      throw ValidationError(
        "--width must be between \(range.lowerBound) and \(range.upperBound), not \(width)")
    }
  }

  func settings() -> TerminalSettings {
    TerminalSettings.current(colorMode: color, requestedWidth: width, theme: theme)
  }
}

/// `--color`, `--theme`, `--width` and `--full`: how output with hex dumps looks.
struct DisplayOptions: ParsableArguments {
  @OptionGroup var text: TextDisplayOptions

  @Flag(help: "Show long byte strings whole instead of shortened.")
  var full = false

  func validate() throws {
    try text.validate()
  }

  func settings() -> TerminalSettings {
    text.settings()
  }

  /// Resolves the settings afresh on each call: `--width` still wins, but a width that came
  /// from the terminal follows the terminal when it is resized.
  func settingsProvider() -> @Sendable () -> TerminalSettings {
    let color = text.color
    let width = text.width
    let theme = text.theme
    return { TerminalSettings.current(colorMode: color, requestedWidth: width, theme: theme) }
  }
}
