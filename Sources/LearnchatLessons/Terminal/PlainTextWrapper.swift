/// Wraps plain text (a dump's title, a field's value) into lines that fit a width.
///
/// Breaks at spaces; a word longer than a line is cut where the line is full. Lines after the
/// first start with `hangingIndent` spaces, counted in the width, so a wrapped title reads as
/// one title. Measured in display columns (see `DisplayColumns`).
enum PlainTextWrapper {
  /// The lines of `text`, none wider than `width` (at least 1), without trailing spaces; one
  /// empty line for empty text.
  ///
  /// The hanging indent is dropped when it would leave fewer than 8 columns for text.
  static func wrap(_ text: String, width: Int, hangingIndent: Int = 0) -> [String] {
    let width = max(1, width)
    let indent = width - hangingIndent >= 8 ? max(0, hangingIndent) : 0
    let margin = String(repeating: " ", count: indent)
    var lines: [String] = []
    var line = ""
    var lineWidth = 0
    func available() -> Int { lines.isEmpty ? width : width - indent }
    func finishLine() {
      lines.append(lines.isEmpty ? line : margin + line)
      line = ""
      lineWidth = 0
    }
    for word in text.split(separator: " ", omittingEmptySubsequences: true) {
      let wordWidth = DisplayColumns.of(word)
      if lineWidth > 0 && lineWidth + 1 + wordWidth <= available() {
        line += " " + word
        lineWidth += 1 + wordWidth
        continue
      }
      if lineWidth > 0 { finishLine() }
      var rest = Array(word)[...]
      while case let count = DisplayColumns.fittingCount(rest, width: available()),
        count < rest.count
      {
        line = String(rest.prefix(count))
        finishLine()
        rest = rest.dropFirst(count)
      }
      line = String(rest)
      lineWidth = DisplayColumns.of(line)
    }
    if lineWidth > 0 || lines.isEmpty { finishLine() }
    return lines
  }
}
