/// The plain text of inline Markdown, for titles and table-of-contents lines.
enum InlineText {
  /// Text with all markup removed; breaks become spaces.
  static func plain(_ inlines: [MarkdownInline]) -> String {
    inlines.map { inline in
      switch inline {
      case .text(let text), .code(let text): return text
      case .softBreak, .lineBreak: return " "
      case .emphasis(let children), .strong(let children): return plain(children)
      case .link(_, _, let children): return plain(children)
      case .image(_, _, let alt): return plain(alt)
      case .html: return ""
      }
    }.joined()
  }
}
