/// Wraps text in colour, or leaves it alone when colour is off.
///
/// Renderers always call `paint`, so they read the same with colour on or off; the decision
/// itself lives in `TerminalSettings`.
public struct Painter: Sendable, Equatable {
  /// Whether `paint` adds escape sequences.
  public let enabled: Bool

  /// A painter that colours only when `enabled` is true.
  public init(enabled: Bool) {
    self.enabled = enabled
  }

  /// `text` in `color`, followed by a reset; `text` unchanged when colour is off or it is empty.
  public func paint(_ text: String, _ color: TerminalColor) -> String {
    Painter.paint(text, color, enabled: enabled)
  }

  /// `text` in `color` when `enabled`, followed by a reset; `text` unchanged otherwise.
  ///
  /// Empty text gets no escape sequences, so output never holds colour switches around nothing.
  public static func paint(_ text: String, _ color: TerminalColor, enabled: Bool) -> String {
    guard enabled, !text.isEmpty else { return text }
    return ANSIPalette.start(color) + text + ANSIPalette.reset
  }
}
