/// Turns inline Markdown into wrapper tokens for the terminal, with or without colour.
///
/// Without colour the text must still read well when piped or printed: emphasis keeps its
/// Markdown markers (`*word*`, `**word**`) and code its backticks, because a reader knows them.
/// With colour the markers go and SGR attributes show the same thing.
struct MarkdownInlineLayout {
  let colors: Bool

  /// The tokens for `inlines`, every span styled with `base` plus its own style.
  func tokens(_ inlines: [MarkdownInline], base: MarkdownStyle = .plain) -> [MarkdownToken] {
    var builder = MarkdownTokenBuilder()
    append(inlines, style: base, to: &builder)
    return builder.tokens
  }

  private func append(
    _ inlines: [MarkdownInline], style: MarkdownStyle, to builder: inout MarkdownTokenBuilder
  ) {
    for inline in inlines {
      append(inline, style: style, to: &builder)
    }
  }

  private func append(
    _ inline: MarkdownInline, style: MarkdownStyle, to builder: inout MarkdownTokenBuilder
  ) {
    switch inline {
    case .text(let text):
      builder.append(text, style: style)
    case .softBreak:
      builder.appendSpace(style: style)
    case .lineBreak:
      builder.appendLineBreak()
    case .code(let code):
      if colors {
        builder.append(code, style: style.adding(.code), keepingSpaces: true)
      } else {
        builder.append("`" + code + "`", style: style, keepingSpaces: true)
      }
    case .emphasis(let children):
      marked(children, marker: "*", style: style.adding(.emphasis), to: &builder)
    case .strong(let children):
      marked(children, marker: "**", style: style.adding(.strong), to: &builder)
    case .link(let destination, _, let children):
      link(destination: destination, children, style: style, to: &builder)
    case .image(let source, _, let alt):
      let altText = MarkdownPlainText.of(alt)
      builder.append(altText.isEmpty ? "[image]" : "[image: ", style: style)
      if !altText.isEmpty {
        append(alt, style: style, to: &builder)
        builder.append("]", style: style)
      }
      builder.appendSpace(style: style)
      builder.append("(" + source + ")", style: style.adding(.url))
    case .html(let html):
      // Comments are notes for authors and tools, never for the reader.
      if !html.hasPrefix("<!--") {
        builder.append(html, style: style)
      }
    }
  }

  private func marked(
    _ children: [MarkdownInline], marker: String, style: MarkdownStyle,
    to builder: inout MarkdownTokenBuilder
  ) {
    if !colors { builder.append(marker, style: style) }
    append(children, style: style, to: &builder)
    if !colors { builder.append(marker, style: style) }
  }

  /// The link text, then the destination in parentheses; once only when they are the same
  /// (an autolink) or the text is empty.
  private func link(
    destination: String, _ children: [MarkdownInline], style: MarkdownStyle,
    to builder: inout MarkdownTokenBuilder
  ) {
    let text = MarkdownPlainText.of(children)
    if text.isEmpty || text == destination || "mailto:" + text == destination {
      if text.isEmpty {
        builder.append(destination, style: style.adding(.linkText))
      } else {
        append(children, style: style.adding(.linkText), to: &builder)
      }
      return
    }
    append(children, style: style.adding(.linkText), to: &builder)
    builder.appendSpace(style: style)
    builder.append("(" + destination + ")", style: style.adding(.url))
  }
}

/// The plain text of inline content, without markers or styles.
enum MarkdownPlainText {
  /// The concatenated text; breaks become spaces and inline HTML is left out.
  static func of(_ inlines: [MarkdownInline]) -> String {
    inlines.map(of).joined()
  }

  private static func of(_ inline: MarkdownInline) -> String {
    switch inline {
    case .text(let text), .code(let text): text
    case .softBreak, .lineBreak: " "
    case .emphasis(let children), .strong(let children), .link(_, _, let children): of(children)
    case .image(_, _, let alt): of(alt)
    case .html: ""
    }
  }
}
