/// Folds verbatim lines (code, raw HTML) that are too wide, marking each continuation.
///
/// A wrapped line of code must never pass for two lines, and must never be wrapped by the
/// terminal at an arbitrary column: so a too-long line breaks at the last space that fits (or,
/// with none, or none that fills half the line, after punctuation such as `(` or `,`; or else
/// wherever the line is full), and each continuation starts with `↪ `, indented like the line
/// it continues so that Python and shell commands keep their shape. The space at a break is
/// the break itself and is not repeated.
///
/// Spaces inside double quotes are used only when no other space fits: in the lessons'
/// commands such a space is usually part of a string (`hex(" ")`, `b"Meet me at noon."`), and
/// a break there would hide it.
enum MarkdownCodeWrapper {
  /// The mark that starts a continuation line.
  static let marker = "\u{21AA} "

  /// One line of output: the line's leading spaces, the mark when it continues the line
  /// before, and the text.
  struct Piece: Equatable {
    var indent: Int
    var continues: Bool
    var text: String
  }

  /// `line` cut into pieces whose indent, mark and text fit in `width` columns.
  ///
  /// Continuations keep the line's own indentation while that leaves at least half the width
  /// for text; deeper than that, they start at the left.
  static func wrap(_ line: String, width: Int) -> [Piece] {
    let width = max(1, width)
    guard DisplayColumns.of(line) > width else {
      return [Piece(indent: 0, continues: false, text: line)]
    }
    let characters = Array(line)
    let quoted = insideDoubleQuotes(characters)
    let lead = characters.prefix { $0 == " " }.count
    let markerWidth = DisplayColumns.of(marker)
    let indent = width - lead - markerWidth >= width / 2 ? lead : 0
    let restWidth = max(1, width - indent - markerWidth)
    var pieces: [Piece] = []
    var start = 0
    while start < characters.count {
      let first = pieces.isEmpty
      let rest = characters[start...]
      let available = first ? width : restWidth
      var end = start + DisplayColumns.fittingCount(rest, width: available)
      var next = end
      if end < characters.count,
        let cut = breakPoint(
          characters, quoted, start..<end, textStart: first ? start + lead : start, width: available
        )
      {
        end = cut.end
        next = cut.next
      }
      while next < characters.count, characters[next] == " " { next += 1 }
      pieces.append(
        Piece(
          indent: first ? 0 : indent, continues: !first,
          text: String(characters[start..<end])))
      start = next
    }
    return pieces
  }

  /// Where to break `characters[range]`, the most that fits `width` columns, or nil to cut it
  /// where it is full: `end` closes this piece, `next` starts the next one (the spaces between
  /// them are the break).
  ///
  /// In order of preference: a space outside quotes that leaves the line at least half full;
  /// a soft break outside quotes (see `MarkdownWordBreaker`), which does the same; any space
  /// outside quotes (`from` before a long module path still breaks after `from`); a space
  /// inside quotes. Spaces before `textStart` (the line's indentation) never count.
  private static func breakPoint(
    _ characters: [Character], _ quoted: [Bool], _ range: Range<Int>, textStart: Int,
    width: Int
  ) -> (end: Int, next: Int)? {
    // A space right after the last character that fits counts as fitting: it is dropped.
    let upper = min(range.upperBound + 1, characters.count)
    let lower = min(textStart, upper)
    let spaces = (lower..<upper).filter { $0 > lower && characters[$0] == " " }
    func cut(_ space: Int) -> (end: Int, next: Int) {
      var end = space
      while end > range.lowerBound, characters[end - 1] == " " { end -= 1 }
      return (end, space)
    }
    // Half of the room the text has, after the line's indentation.
    let textWidth = width - DisplayColumns.of(String(characters[range.lowerBound..<lower]))
    func fillsHalf(_ end: Int) -> Bool {
      end > lower && DisplayColumns.of(String(characters[lower..<end])) * 2 >= textWidth
    }
    let open = spaces.filter { !quoted[$0] }
    if let space = open.last, fillsHalf(cut(space).end) { return cut(space) }
    if lower < range.upperBound,
      let soft = MarkdownWordBreaker.preferredEnd(
        in: characters, from: lower, to: range.upperBound, width: textWidth,
        allowed: { !quoted[$0] })
    {
      return (soft, soft)
    }
    return (open.last ?? spaces.last).map(cut)
  }

  /// For each character, whether it is inside a double-quoted string (a backslash escapes a
  /// quote); the quotes themselves count as inside.
  private static func insideDoubleQuotes(_ characters: [Character]) -> [Bool] {
    var result: [Bool] = []
    result.reserveCapacity(characters.count)
    var inside = false
    var escaped = false
    for character in characters {
      if character == "\"" && !escaped {
        inside.toggle()
        result.append(true)
      } else {
        result.append(inside)
      }
      escaped = character == "\\" && !escaped
    }
    return result
  }
}
