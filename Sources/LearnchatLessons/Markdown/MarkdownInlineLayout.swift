/// Turns inline Markdown into wrapper tokens for the terminal, with or without colour.
///
/// With colour, SGR attributes show emphasis, strong text and code. Without colour (a pipe,
/// `NO_COLOR`, `--color never`) the text must read as prose, so no Markdown markers are shown:
/// emphasis and strong text are plain words, and code spans are shown bare. Bare rather than
/// quoted because of what the lessons put in code spans: hex bytes (`30 82 01 22`), commands
/// and options (`openssl rand -hex 32`, `--export DIR`), file names and addresses. They read
/// unambiguously in running text; quotes would sit next to the quotes of shell commands
/// (`python3 -c '...'`), be copied along with a command, and add two characters to every
/// hex byte listed in a sentence.
///
/// The tokens are the same either way: styles only turn into escape sequences when the line
/// writer is given a painter that colours.
struct MarkdownInlineLayout {
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
      builder.append(code, style: style.adding(.code), keepingSpaces: true)
    case .emphasis(let children):
      append(children, style: style.adding(.emphasis), to: &builder)
    case .strong(let children):
      append(children, style: style.adding(.strong), to: &builder)
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
