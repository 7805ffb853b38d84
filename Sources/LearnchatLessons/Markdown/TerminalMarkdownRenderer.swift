/// Renders a `MarkdownDocument` as text for a terminal of a given width.
///
/// A walker over the Swift tree (cmark's own renderers are not used): paragraphs are re-wrapped
/// to the width, code is shown verbatim and indented, lists and quotes indent their content,
/// and HTML comments such as the lesson stage markers vanish. Width is counted in terminal
/// columns: one per Character, two for emoji and East Asian wide characters.
///
/// No line is wider than the width, from 20 columns up (`TerminalSettings.allowedWidths`): a
/// word longer than a line is cut into pieces, a long line of code is folded with a `↪ ` mark,
/// and containers nested too deep for their indentation give it up. Below 20 columns the same
/// rules apply as far as they can; a wide character never fits in a single column.
///
/// Without colour the output is plain text with no escape codes and no Markdown markers. With
/// colour it uses only SGR codes, in the theme's 256-colour inks, and every line is
/// self-contained: each styled run is reset before the line ends and reopened on the next
/// line, so partial output (a pager, a cut-off projector) never bleeds.
public struct TerminalMarkdownRenderer: Sendable {
  /// The number of columns to fill.
  public let width: Int
  /// Whether to style text with ANSI SGR codes.
  public let colors: Bool
  /// Whose colours to use when `colors` is set.
  public let theme: Theme

  /// Makes a renderer for `width` columns, in `theme`'s colours when `colors` is set.
  ///
  /// Any width is accepted; below 1, the renderer lays out as if for 1 column.
  public init(width: Int, colors: Bool, theme: Theme = .dark) {
    self.width = width
    self.colors = colors
    self.theme = theme
  }

  /// A renderer following `settings`: their width, colour and theme.
  public init(settings: TerminalSettings) {
    self.init(width: settings.width, colors: settings.colors, theme: settings.theme)
  }

  /// The document as terminal text: blocks separated by one blank line, no trailing spaces on
  /// any line, and a final newline (or "" for a document that shows nothing).
  public func render(_ document: MarkdownDocument) -> String {
    let lines = MarkdownBlockLayout(painter: Painter(enabled: colors, theme: theme)).lines(
      document.blocks.map(\.block), width: max(1, width), tight: false)
    return lines.isEmpty ? "" : lines.joined(separator: "\n") + "\n"
  }
}
