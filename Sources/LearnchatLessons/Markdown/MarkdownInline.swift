/// An inline element of Markdown text, copied out of cmark's tree.
///
/// Every value is plain Swift data: nothing here points into cmark's memory.
public indirect enum MarkdownInline: Sendable, Equatable {
  /// Literal text, already unescaped by cmark (`\*` arrives as `*`, `&amp;` as `&`).
  case text(String)
  /// A line ending inside a paragraph; renderers show it as a space.
  case softBreak
  /// A hard line break (two trailing spaces or a backslash); renderers start a new line.
  case lineBreak
  /// An inline code span, without its backticks.
  case code(String)
  /// Emphasis (`*text*` or `_text_`).
  case emphasis([MarkdownInline])
  /// Strong emphasis (`**text**` or `__text__`).
  case strong([MarkdownInline])
  /// A link; `title` is empty when the source gave none. Autolinks arrive as a link whose text
  /// equals its destination (or, for e-mail, the destination minus `mailto:`).
  case link(destination: String, title: String, [MarkdownInline])
  /// An image; `alt` holds the inline content between the brackets.
  case image(source: String, title: String, alt: [MarkdownInline])
  /// Raw inline HTML, such as `<kbd>` or an inline `<!-- comment -->`, exactly as written.
  case html(String)
}
