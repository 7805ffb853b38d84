/// One screenful's worth of a lesson, laid out for a width: the introduction, a stage, or the
/// summary. The line printer writes its lines one after another; the full-screen stepper pins
/// the heading and scrolls the body.
public struct StagePage: Sendable, Equatable {
  /// The heading's text, such as `6/13 · client · The client wraps the key`.
  public let title: String
  /// The heading's colour: the actor's, or the heading colour for the introduction and summary.
  public let color: TerminalColor
  /// The lines under the heading, each within the style's width.
  public let body: [String]

  /// A page titled `title` in `color` with `body`.
  public init(title: String, color: TerminalColor, body: [String]) {
    self.title = title
    self.color = color
    self.body = body
  }

  /// The heading as one line of `width` columns, `── title ──────`, cut with `…` when the
  /// title does not fit (the stepper pins it to the screen's first line).
  public func headingLine(width: Int, painter: Painter) -> String {
    let lead = "── " + title + " "
    guard TerminalText.displayWidth(lead) + 2 <= width else {
      let room = max(0, width - 4)
      let cut = TerminalText.clip("── " + title, to: max(0, room))
      return painter.paint(cut + "… ─", color)
    }
    let rule = String(repeating: "─", count: width - TerminalText.displayWidth(lead))
    return painter.paint(lead + rule, color)
  }

  /// The heading wrapped onto as many lines as it needs within `width` columns, the rule
  /// ending the last one, for the line printer, where nothing may be cut.
  public func headingLines(width: Int, painter: Painter) -> [String] {
    let ruleWidth = min(width, PageStyle.proseMeasure)
    if TerminalText.displayWidth("── " + title + " ──") <= ruleWidth {
      return [headingLine(width: ruleWidth, painter: painter)]
    }
    let lines = WrappedText.lines(title, width: width, firstPrefix: "── ", restPrefix: "   ")
    return lines.map { painter.paint($0, color) } + [
      painter.paint(String(repeating: "─", count: max(2, ruleWidth)), color)
    ]
  }
}
