/// Plain text (a console line, a verdict) wrapped to a width with a hanging indent.
public enum WrappedText {
  /// `text` cut at spaces into lines of at most `width` columns, the first starting with
  /// `firstPrefix` and the others with `restPrefix`; the prefixes may hold colour and count by
  /// their display width. Runs of spaces inside the text are kept (a peer's text is shown as
  /// sent), and a word too long for a line is broken (by the Markdown wrapper), never left to
  /// the terminal.
  public static func lines(_ text: String, width: Int, firstPrefix: String, restPrefix: String)
    -> [String]
  {
    let indent = max(
      TerminalText.displayWidth(firstPrefix), TerminalText.displayWidth(restPrefix))
    var builder = MarkdownTokenBuilder()
    builder.append(text, style: .plain, keepingSpaces: true)
    let wrapped = MarkdownWrapper.wrap(builder.tokens, width: max(1, width - indent))
    guard !wrapped.isEmpty else { return [MarkdownVisibleText.trimmingTrailingSpaces(firstPrefix)] }
    return wrapped.enumerated().map { index, spans in
      (index == 0 ? firstPrefix : restPrefix) + spans.map(\.text).joined()
    }
  }
}
