/// Collects styled text into wrapper tokens, splitting at breaking spaces.
struct MarkdownTokenBuilder {
  private(set) var tokens: [MarkdownToken] = []

  /// Appends text in one style. Runs of spaces collapse to one unless `keepingSpaces` (code
  /// spans keep theirs). Text that touches the previous word without a space joins that word,
  /// so `**bold**,` never breaks before the comma.
  mutating func append(_ text: String, style: MarkdownStyle, keepingSpaces: Bool = false) {
    var word = ""
    var spaces = ""
    for character in MarkdownVisibleText.printable(text) {
      if MarkdownVisibleText.isBreakingSpace(character) {
        appendWordPart(word, style: style)
        word = ""
        spaces += keepingSpaces && character == " " ? " " : (spaces.isEmpty ? " " : "")
      } else {
        appendSpace(spaces, style: style)
        spaces = ""
        word.append(character)
      }
    }
    appendWordPart(word, style: style)
    appendSpace(spaces, style: style)
  }

  /// Appends a breakable space, as for a soft line break.
  mutating func appendSpace(style: MarkdownStyle) {
    appendSpace(" ", style: style)
  }

  /// Appends a forced line break.
  mutating func appendLineBreak() {
    tokens.append(.lineBreak)
  }

  private mutating func appendWordPart(_ text: String, style: MarkdownStyle) {
    guard !text.isEmpty else { return }
    let span = MarkdownSpan(text: text, style: style)
    guard case .word(var spans) = tokens.last else {
      tokens.append(.word([span]))
      return
    }
    if let last = spans.last, last.style == style {
      spans[spans.count - 1].text += text
    } else {
      spans.append(span)
    }
    tokens[tokens.count - 1] = .word(spans)
  }

  private mutating func appendSpace(_ text: String, style: MarkdownStyle) {
    guard !text.isEmpty else { return }
    // One space token between two words: a second one (soft break after a trailing space)
    // would be shown twice.
    if case .space = tokens.last { return }
    tokens.append(.space(MarkdownSpan(text: text, style: style)))
  }
}
