/// The colours of the Markdown renderer, named by what they mark; each theme gives each one an
/// ink (see `ThemePalette`).
enum MarkdownColorRole: CaseIterable, Sendable {
  /// Level 1 headings, so that a lesson's title stands out in class.
  case heading1
  /// Level 2 headings.
  case heading2
  /// Code spans and code blocks.
  case code
  /// Link destinations and image sources.
  case url
  /// Rules, quote bars and the continuation mark of wrapped code.
  case decoration
}
