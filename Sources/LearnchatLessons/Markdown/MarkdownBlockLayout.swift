/// Lays out blocks as terminal lines; the block-level half of `TerminalMarkdownRenderer`.
///
/// Every function returns finished lines (escape codes included) with no trailing spaces, and
/// an empty array for a block that shows nothing, so callers can join blocks without ever
/// doubling a blank line.
struct MarkdownBlockLayout {
  let colors: Bool

  /// Blocks one after another: separated by a blank line, or not at all when `tight` (the
  /// blocks of an item of a tight list).
  func lines(_ blocks: [MarkdownBlock], width: Int, tight: Bool, listDepth: Int = 0) -> [String] {
    var output: [String] = []
    for block in blocks {
      let blockLines = lines(block, width: width, listDepth: listDepth)
      guard !blockLines.isEmpty else { continue }
      if !output.isEmpty && !tight {
        output.append("")
      }
      output += blockLines
    }
    return output
  }

  private func lines(_ block: MarkdownBlock, width: Int, listDepth: Int) -> [String] {
    // Quotes and list items take columns from their content, so deep nesting can leave none;
    // as for a renderer narrower than 1 column, lay out for 1 (rules and underlines included).
    let width = max(1, width)
    switch block {
    case .heading(let level, let inlines):
      return heading(level: level, inlines, width: width)
    case .paragraph(let inlines):
      return wrapped(inlines, style: .plain, width: width)
    case .codeBlock(_, let literal):
      return codeBlock(literal)
    case .htmlBlock(let html):
      return htmlBlock(html)
    case .blockQuote(let children):
      return blockQuote(children, width: width, listDepth: listDepth)
    case .list(let list):
      return MarkdownListLayout(blocks: self).lines(list, width: width, depth: listDepth)
    case .thematicBreak:
      let rule = String(repeating: "\u{2500}", count: min(width, 80))
      return [MarkdownLineWriter.string(rule, style: .decoration, colors: colors)]
    }
  }

  /// Inline content wrapped to `width`.
  private func wrapped(_ inlines: [MarkdownInline], style: MarkdownStyle, width: Int) -> [String] {
    let tokens = MarkdownInlineLayout(colors: colors).tokens(inlines, base: style)
    return MarkdownWrapper.wrap(tokens, width: width).map {
      MarkdownLineWriter.string($0, colors: colors)
    }
  }

  /// Levels 1 and 2 are underlined with `=` and `-` (as in setext Markdown, readable without
  /// colour); deeper levels keep their `#` marks, with wrapped lines indented under the text.
  private func heading(level: Int, _ inlines: [MarkdownInline], width: Int) -> [String] {
    let style = MarkdownStyle.heading(level: level)
    let tokens = MarkdownInlineLayout(colors: colors).tokens(inlines, base: style)
    guard level <= 2 else {
      let marks = String(repeating: "#", count: level) + " "
      let lines = MarkdownWrapper.wrap(tokens, width: width - marks.count)
      return lines.enumerated().map { index, line in
        let prefix = index == 0 ? marks : String(repeating: " ", count: marks.count)
        return MarkdownLineWriter.string(
          [MarkdownSpan(text: prefix, style: style)] + line, colors: colors)
      }
    }
    let lines = MarkdownWrapper.wrap(tokens, width: width)
    guard !lines.isEmpty else { return [] }
    let textWidth = lines.map { $0.reduce(0) { $0 + $1.width } }.max() ?? 0
    let rule = String(repeating: level == 1 ? "=" : "-", count: min(textWidth, width))
    return lines.map { MarkdownLineWriter.string($0, colors: colors) } + [
      MarkdownLineWriter.string(rule, style: style, colors: colors)
    ]
  }

  /// Code exactly as written, indented by four spaces and never wrapped: a wrapped line of code
  /// or hex would read as two lines.
  private func codeBlock(_ literal: String) -> [String] {
    verbatimLines(literal).map { line in
      line.isEmpty ? "" : "    " + MarkdownLineWriter.string(line, style: .code, colors: colors)
    }
  }

  /// Raw HTML is shown as the author wrote it, except comments, which are notes for authors
  /// and tools (the `<!-- stage: name -->` markers) and are dropped.
  private func htmlBlock(_ html: String) -> [String] {
    verbatimLines(MarkdownHTMLComments.removing(from: html))
  }

  private func blockQuote(_ children: [MarkdownBlock], width: Int, listDepth: Int) -> [String] {
    let bar = MarkdownLineWriter.string("\u{2502}", style: .decoration, colors: colors)
    return lines(children, width: width - 2, tight: false, listDepth: listDepth).map {
      $0.isEmpty ? bar : bar + " " + $0
    }
  }

  /// The lines of literal text with tabs expanded, control characters made visible, trailing
  /// spaces removed, and blank lines at either end dropped.
  private func verbatimLines(_ text: String) -> [String] {
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map {
      MarkdownVisibleText.trimmingTrailingSpaces(
        MarkdownVisibleText.expandingTabs(MarkdownVisibleText.printable(String($0))))
    }
    while lines.last?.isEmpty == true { lines.removeLast() }
    while lines.first?.isEmpty == true { lines.removeFirst() }
    return lines
  }
}
