/// Lays out blocks as terminal lines; the block-level half of `TerminalMarkdownRenderer`.
///
/// Every function returns finished lines (escape codes included) with no trailing spaces, no
/// line wider than the width it was given, and an empty array for a block that shows nothing,
/// so callers can join blocks without ever doubling a blank line.
struct MarkdownBlockLayout {
  let painter: Painter

  /// The fewest columns a container (quote, list item, heading marks, code indent) leaves its
  /// content. Deeper nesting would squeeze text into a column a few letters wide, so a container
  /// that cannot leave this much gives up its indentation instead: content stays in the width.
  static let narrowestContent = 8

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
    // Below 1 column (a renderer asked for 0), lay out for 1, rules and underlines included.
    let width = max(1, width)
    switch block {
    case .heading(let level, let inlines):
      return heading(level: level, inlines, width: width)
    case .paragraph(let inlines):
      return wrapped(inlines, style: .plain, width: width)
    case .codeBlock(_, let literal):
      return codeBlock(literal, width: width)
    case .htmlBlock(let html):
      return folded(
        verbatimLines(MarkdownHTMLComments.removing(from: html)), style: .plain,
        indent: 0, width: width)
    case .blockQuote(let children):
      return blockQuote(children, width: width, listDepth: listDepth)
    case .list(let list):
      return MarkdownListLayout(blocks: self).lines(list, width: width, depth: listDepth)
    case .thematicBreak:
      let rule = String(repeating: "\u{2500}", count: min(width, 80))
      return [MarkdownLineWriter.string(rule, style: .decoration, painter: painter)]
    }
  }

  /// Inline content wrapped to `width`.
  private func wrapped(_ inlines: [MarkdownInline], style: MarkdownStyle, width: Int) -> [String] {
    let tokens = MarkdownInlineLayout().tokens(inlines, base: style)
    return MarkdownWrapper.wrap(tokens, width: width).map {
      MarkdownLineWriter.string($0, painter: painter)
    }
  }

  /// Levels 1 and 2 are underlined with `=` and `-` (as in setext Markdown, readable without
  /// colour); deeper levels keep their `#` marks, with wrapped lines indented under the text,
  /// unless the marks would leave too little room.
  private func heading(level: Int, _ inlines: [MarkdownInline], width: Int) -> [String] {
    let style = MarkdownStyle.heading(level: level)
    let tokens = MarkdownInlineLayout().tokens(inlines, base: style)
    guard level <= 2 else {
      let marks = String(repeating: "#", count: level) + " "
      let markWidth = width - marks.count >= Self.narrowestContent ? marks.count : 0
      let lines = MarkdownWrapper.wrap(tokens, width: width - markWidth)
      return lines.enumerated().map { index, line in
        let prefix =
          markWidth == 0 ? "" : index == 0 ? marks : String(repeating: " ", count: markWidth)
        return MarkdownLineWriter.string(
          [MarkdownSpan(text: prefix, style: style)] + line, painter: painter)
      }
    }
    let lines = MarkdownWrapper.wrap(tokens, width: width)
    guard !lines.isEmpty else { return [] }
    let textWidth = lines.map { $0.reduce(0) { $0 + $1.width } }.max() ?? 0
    let rule = String(repeating: level == 1 ? "=" : "-", count: min(textWidth, width))
    return lines.map { MarkdownLineWriter.string($0, painter: painter) } + [
      MarkdownLineWriter.string(rule, style: style, painter: painter)
    ]
  }

  /// Code exactly as written, indented by four spaces (fewer when the width is short), with
  /// lines too long for the width folded and marked (see `MarkdownCodeWrapper`).
  private func codeBlock(_ literal: String, width: Int) -> [String] {
    let indent = width >= 20 ? 4 : width >= 2 + Self.narrowestContent ? 2 : 0
    return folded(verbatimLines(literal), style: .code, indent: indent, width: width)
  }

  /// Verbatim lines indented by `indent` and folded to `width`, each continuation marked in
  /// the decoration colour so that the mark does not read as part of the text.
  private func folded(_ lines: [String], style: MarkdownStyle, indent: Int, width: Int)
    -> [String]
  {
    let margin = String(repeating: " ", count: indent)
    return lines.flatMap { line -> [String] in
      guard !line.isEmpty else { return [""] }
      return MarkdownCodeWrapper.wrap(line, width: width - indent).map { piece in
        let text = MarkdownVisibleText.trimmingTrailingSpaces(piece.text)
        // Only a line indented past the width gives a piece of nothing but spaces.
        guard !text.isEmpty else { return "" }
        var spans = [
          MarkdownSpan(text: margin + String(repeating: " ", count: piece.indent), style: .plain)
        ]
        if piece.continues {
          spans.append(MarkdownSpan(text: MarkdownCodeWrapper.marker, style: .decoration))
        }
        spans.append(MarkdownSpan(text: text, style: style))
        return MarkdownLineWriter.string(spans, painter: painter)
      }
    }
  }

  private func blockQuote(_ children: [MarkdownBlock], width: Int, listDepth: Int) -> [String] {
    guard width - 2 >= Self.narrowestContent else {
      return lines(children, width: width, tight: false, listDepth: listDepth)
    }
    let bar = MarkdownLineWriter.string("\u{2502}", style: .decoration, painter: painter)
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
