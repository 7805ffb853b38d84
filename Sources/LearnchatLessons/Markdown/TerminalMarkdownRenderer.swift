/// Renders a `MarkdownDocument` as text for a terminal of a given width.
///
/// A walker over the Swift tree (cmark's own renderers are not used): paragraphs are re-wrapped
/// to the width, code is shown verbatim and indented, lists and quotes indent their content,
/// and HTML comments such as the lesson stage markers vanish. Width is counted in terminal
/// columns: one per Character, two for emoji and East Asian wide characters.
///
/// Without colour the output is plain text with no escape codes. With colour it uses only SGR
/// codes, and every line is self-contained: each styled run is reset before the line ends and
/// reopened on the next line, so partial output (a pager, a cut-off projector) never bleeds.
public struct TerminalMarkdownRenderer: Sendable {
  /// The number of columns to fill.
  public let width: Int
  /// Whether to style text with ANSI SGR codes.
  public let colors: Bool

  /// Makes a renderer for `width` columns.
  ///
  /// Any width is accepted. Below the length of a word, words simply go one to a line; below 1,
  /// the renderer lays out as if for 1 column.
  public init(width: Int, colors: Bool) {
    self.width = width
    self.colors = colors
  }

  /// The document as terminal text: blocks separated by one blank line, no trailing spaces on
  /// any line, and a final newline (or "" for a document that shows nothing).
  public func render(_ document: MarkdownDocument) -> String {
    let lines = MarkdownBlockLayout(colors: colors).lines(
      document.blocks.map(\.block), width: max(1, width), tight: false)
    return lines.isEmpty ? "" : lines.joined(separator: "\n") + "\n"
  }
}
