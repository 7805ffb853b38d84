/// Wraps text in colour, or leaves it alone when colour is off.
///
/// Renderers always call `paint`, so they read the same with colour on or off; the decision
/// itself, and the theme, live in `TerminalSettings`.
public struct Painter: Sendable, Equatable {
  /// Whether `paint` adds escape sequences.
  public let enabled: Bool
  /// Whose colours `paint` uses.
  public let theme: Theme

  /// A painter that colours only when `enabled` is true, in `theme`'s colours.
  public init(enabled: Bool, theme: Theme = .dark) {
    self.enabled = enabled
    self.theme = theme
  }

  /// `text` in `color`, followed by a reset; `text` unchanged when colour is off or it is empty.
  public func paint(_ text: String, _ color: TerminalColor) -> String {
    Painter.paint(text, color, enabled: enabled, theme: theme)
  }

  /// `text` in `color` of `theme` when `enabled`, followed by a reset; `text` unchanged
  /// otherwise.
  ///
  /// Empty text gets no escape sequences, so output never holds colour switches around nothing.
  public static func paint(
    _ text: String, _ color: TerminalColor, enabled: Bool, theme: Theme = .dark
  ) -> String {
    guard enabled, !text.isEmpty else { return text }
    return ANSIPalette.start(color, theme: theme) + text + ANSIPalette.reset
  }
}
