/// Markdown to HTML for lesson handouts: a walker over the Swift tree, as the terminal
/// renderer is, so that live values filled into the tree stay text.
///
/// The output is the HTML cmark's own renderer writes with its default, safe options (the
/// tests compare the two on every lesson), except that raw HTML is left out entirely where
/// cmark writes `<!-- raw HTML omitted -->`: a handout carries no markup from a lesson file,
/// and no `javascript:`, `vbscript:`, `file:` or non-image `data:` link.
public enum MarkdownHTML {
  /// Renders `document` as an HTML fragment (no `<html>` or `<body>`).
  public static func render(_ document: MarkdownDocument) -> String {
    var writer = MarkdownHTMLWriter()
    writer.blocks(document.blocks.map(\.block), tight: false)
    return writer.html
  }

  /// Parses CommonMark text and renders it as an HTML fragment.
  public static func render(_ markdown: String) -> String {
    render(MarkdownDocument(parsing: markdown))
  }
}

/// Writes HTML for blocks and inlines, keeping cmark's line structure: each block starts on
/// a new line and ends with one.
struct MarkdownHTMLWriter {
  private(set) var html = ""

  /// Starts a new line unless at the start of one.
  private mutating func newLine() {
    if let last = html.last, last != "\n" { html += "\n" }
  }

  /// `blocks`, with the paragraphs of a tight list item written without `<p>`.
  mutating func blocks(_ blocks: [MarkdownBlock], tight: Bool) {
    for block in blocks { self.block(block, tight: tight) }
  }

  private mutating func block(_ block: MarkdownBlock, tight: Bool) {
    switch block {
    case .heading(let level, let inlines):
      newLine()
      html += "<h\(level)>"
      self.inlines(inlines)
      html += "</h\(level)>\n"
    case .paragraph(let inlines):
      if tight {
        self.inlines(inlines)
      } else {
        newLine()
        html += "<p>"
        self.inlines(inlines)
        html += "</p>\n"
      }
    case .codeBlock(let info, let literal):
      newLine()
      // Only the info string's first word names the language, as in cmark.
      let language = info.split(separator: " ", maxSplits: 1).first.map(String.init) ?? ""
      html +=
        language.isEmpty
        ? "<pre><code>" : "<pre><code class=\"language-\(HTMLEscaping.text(language))\">"
      html += HTMLEscaping.text(literal) + "</code></pre>\n"
    case .htmlBlock:
      // Left out: lesson files' own markup (their markers included) never reaches a handout.
      break
    case .blockQuote(let children):
      newLine()
      html += "<blockquote>\n"
      blocks(children, tight: false)
      newLine()
      html += "</blockquote>\n"
    case .list(let list):
      newLine()
      let tag = list.ordered ? "ol" : "ul"
      html += list.ordered && list.start != 1 ? "<ol start=\"\(list.start)\">\n" : "<\(tag)>\n"
      for item in list.items {
        newLine()
        html += "<li>"
        blocks(item, tight: list.tight)
        html += "</li>\n"
      }
      html += "</\(tag)>\n"
    case .thematicBreak:
      newLine()
      html += "<hr />\n"
    }
  }

  private mutating func inlines(_ inlines: [MarkdownInline]) {
    for inline in inlines { self.inline(inline) }
  }

  private mutating func inline(_ inline: MarkdownInline) {
    switch inline {
    case .text(let text): html += HTMLEscaping.text(text)
    case .softBreak: html += "\n"
    case .lineBreak: html += "<br />\n"
    case .code(let code): html += "<code>\(HTMLEscaping.text(code))</code>"
    case .emphasis(let children):
      html += "<em>"
      inlines(children)
      html += "</em>"
    case .strong(let children):
      html += "<strong>"
      inlines(children)
      html += "</strong>"
    case .link(let destination, let title, let children):
      html += "<a href=\"\(HTMLEscaping.safeHref(destination))\"\(titleAttribute(title))>"
      inlines(children)
      html += "</a>"
    case .image(let source, let title, let alt):
      html +=
        "<img src=\"\(HTMLEscaping.safeHref(source))\" alt=\"\(altText(alt))\""
        + "\(titleAttribute(title)) />"
    case .html:
      // Left out, as raw HTML blocks are.
      break
    }
  }

  private func titleAttribute(_ title: String) -> String {
    title.isEmpty ? "" : " title=\"\(HTMLEscaping.text(title))\""
  }

  /// An image's description as cmark writes it in `alt`: the text only, breaks as spaces.
  private func altText(_ inlines: [MarkdownInline]) -> String {
    inlines.map { inline in
      switch inline {
      case .text(let text), .code(let text): HTMLEscaping.text(text)
      case .softBreak, .lineBreak: " "
      case .emphasis(let children), .strong(let children), .link(_, _, let children):
        altText(children)
      case .image(_, _, let alt): altText(alt)
      case .html: ""
      }
    }.joined()
  }
}
