/// The source text split into lines as cmark counts them, to correct cmark's line ranges.
///
/// cmark 0.30 reports an end line one too early for an HTML block closed by its own end
/// condition (`<!-- stage: x -->` on one line comes back as lines 7 to 6), and counts the blank
/// lines after a list or an indented code block as part of it. A lesson loader cuts the file at
/// these lines, so the ranges are made exact here: an HTML block spans exactly the lines of its
/// literal, and no range ends on a blank line.
struct MarkdownSourceLines {
  private let lines: [Substring]

  init(_ text: String) {
    // cmark ends a line at "\n", "\r\n" or "\r"; Swift sees "\r\n" as one Character.
    lines = text.split(omittingEmptySubsequences: false) {
      $0 == "\n" || $0 == "\r" || $0 == "\r\n"
    }
  }

  /// The corrected line range of a top-level block that cmark placed at `start...end`.
  func range(of block: MarkdownBlock, start: Int, end: Int) -> (start: Int, end: Int) {
    var end = max(start, end)
    if case .htmlBlock(let literal) = block {
      let lineEnds = literal.count(where: { $0 == "\n" || $0 == "\r" || $0 == "\r\n" })
      let lineCount = lineEnds + (literal.last.map { $0.isNewline } == false ? 1 : 0)
      end = start + max(1, lineCount) - 1
    }
    while end > start, isBlank(line: end) {
      end -= 1
    }
    return (start, end)
  }

  private func isBlank(line number: Int) -> Bool {
    guard number >= 1, number <= lines.count else { return true }
    return lines[number - 1].allSatisfy { $0 == " " || $0 == "\t" }
  }
}
