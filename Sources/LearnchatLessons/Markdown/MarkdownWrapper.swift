/// A unit of inline layout: a word that must stay whole, a place to break, or a forced break.
enum MarkdownToken: Equatable, Sendable {
  /// Characters with no breaking space between them, possibly in several styles
  /// (`**bold**,` is one word of two spans).
  case word([MarkdownSpan])
  /// Space between words: printed when both words share a line, dropped at a line break.
  case space(MarkdownSpan)
  /// A hard line break.
  case lineBreak
}

/// Greedy word wrapping of tokens into lines.
enum MarkdownWrapper {
  /// Fills each line with as many words as fit in `width` columns.
  ///
  /// A word wider than the line goes on a line of its own, unbroken: URLs and hex strings must
  /// stay copyable. Widths below 1 are treated as 1, so every word still gets a line and the
  /// loop always ends.
  static func wrap(_ tokens: [MarkdownToken], width: Int) -> [[MarkdownSpan]] {
    let width = max(1, width)
    var lines: [[MarkdownSpan]] = []
    var line: [MarkdownSpan] = []
    var lineWidth = 0
    var pendingSpace: MarkdownSpan?
    for token in tokens {
      switch token {
      case .space(let space):
        // Space at the start of a line is never shown.
        if !line.isEmpty { pendingSpace = space }
      case .lineBreak:
        lines.append(line)
        line = []
        lineWidth = 0
        pendingSpace = nil
      case .word(let spans):
        let wordWidth = spans.reduce(0) { $0 + $1.width }
        if line.isEmpty {
          line = spans
          lineWidth = wordWidth
        } else if let space = pendingSpace, lineWidth + space.width + wordWidth <= width {
          line.append(space)
          line += spans
          lineWidth += space.width + wordWidth
        } else if pendingSpace == nil {
          // Nothing between the two: they are one word (the token builder normally joins such
          // parts itself), so they stay together.
          line += spans
          lineWidth += wordWidth
        } else {
          lines.append(line)
          line = spans
          lineWidth = wordWidth
        }
        pendingSpace = nil
      }
    }
    if !line.isEmpty {
      lines.append(line)
    }
    return lines
  }
}
