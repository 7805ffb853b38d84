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

/// Greedy word wrapping of tokens into lines that never exceed the width.
enum MarkdownWrapper {
  /// Fills each line with as many words as fit in `width` columns.
  ///
  /// A word wider than the whole line starts a line of its own and is cut into pieces that fit
  /// (see `MarkdownWordBreaker`): a line the terminal wraps by itself would break the layout
  /// (quote bars, list indents) and would be no easier to copy. Widths below 1 are treated as
  /// 1, so the loop always ends.
  static func wrap(_ tokens: [MarkdownToken], width: Int) -> [[MarkdownSpan]] {
    let width = max(1, width)
    var lines: [[MarkdownSpan]] = []
    var line: [MarkdownSpan] = []
    var lineWidth = 0
    var pendingSpace: MarkdownSpan?

    /// Puts `spans` at the end of the current line, breaking them across lines if they do not
    /// fit in what is left of it.
    func place(_ spans: [MarkdownSpan], width wordWidth: Int) {
      if lineWidth + wordWidth <= width {
        line += spans
        lineWidth += wordWidth
        return
      }
      let pieces = MarkdownWordBreaker.pieces(spans, firstWidth: width - lineWidth, width: width)
      for (index, piece) in pieces.enumerated() {
        if index > 0 {
          lines.append(line)
          line = []
          lineWidth = 0
        }
        line += piece
        lineWidth += piece.reduce(0) { $0 + $1.width }
      }
    }

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
        if line.isEmpty || pendingSpace == nil {
          // At the start of a line, or touching the word before it (the token builder normally
          // joins such parts itself, so they are one word and stay together).
          place(spans, width: wordWidth)
        } else if let space = pendingSpace, lineWidth + space.width + wordWidth <= width {
          line.append(space)
          line += spans
          lineWidth += space.width + wordWidth
        } else {
          lines.append(line)
          line = []
          lineWidth = 0
          place(spans, width: wordWidth)
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
