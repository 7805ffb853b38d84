/// Cuts a word too wide for its line into pieces that fit.
///
/// Used for the long single words of lessons (URLs, hex strings, base64, PEM lines): breaking
/// them deliberately keeps every line within the width, where an unbroken word would make the
/// terminal wrap it at an arbitrary column, outside the quote bar or list indent. A piece ends
/// after a `/`, `-`, `.` or similar when one falls in the second half of the line, so a URL
/// breaks between its parts (see `softBreaks`); otherwise it is cut where the line is full.
enum MarkdownWordBreaker {
  /// Characters after which a word (or a token of code) may break in preference to anywhere
  /// else, best first: the separators of paths, URLs and argument lists; then those inside
  /// names (`session_key`, `02-rsa-oaep`, `en.wikipedia.org`).
  private static let softBreaks: [Set<Character>] = [
    ["/", ",", ";", ":", "(", ")", "[", "]", "{", "}", "|", "&", "?", "="],
    ["_", "-", ".", "+", "#", "@"],
  ]

  /// `spans` (one word) cut into pieces, each keeping the styles of its characters: the first
  /// fits in `firstWidth` columns and may be empty when not even one character does; the
  /// others fit in `width` (but hold at least one character, so a wide character in a
  /// one-column line still moves on).
  static func pieces(_ spans: [MarkdownSpan], firstWidth: Int, width: Int) -> [[MarkdownSpan]] {
    var characters: [Character] = []
    var styles: [MarkdownStyle] = []
    for span in spans {
      for character in span.text {
        characters.append(character)
        styles.append(span.style)
      }
    }
    var pieces: [[MarkdownSpan]] = []
    var start = 0
    if let first = characters.first, DisplayColumns.of(first) > firstWidth {
      pieces.append([])
    }
    while start < characters.count {
      let available = pieces.isEmpty ? firstWidth : width
      let rest = characters[start...]
      var count = DisplayColumns.fittingCount(rest, width: available)
      if count < rest.count {
        count =
          preferredEnd(in: characters, from: start, to: start + count, width: available)
          .map { $0 - start } ?? count
      }
      pieces.append(runs(characters[start..<(start + count)], styles[start..<(start + count)]))
      start += count
    }
    return pieces
  }

  /// Characters a continuation should not start with: they belong to what comes before them,
  /// as a comma belongs to its word (`encode(` then `)` alone reads badly).
  private static let closers: Set<Character> = [")", "]", "}", ",", ";", ":", ".", "!", "?"]

  /// Where to end a piece of `characters[start..<end]` (the most that fits `width`): after a
  /// soft break of the best kind there is, when the piece then fills at least half of `width`,
  /// what follows does not start with a closer, and `allowed` accepts the break's position (the
  /// code wrapper refuses positions inside a quoted string). Nil when there is none.
  static func preferredEnd(
    in characters: [Character], from start: Int, to end: Int, width: Int,
    allowed: (Int) -> Bool = { _ in true }
  ) -> Int? {
    for kind in softBreaks {
      var position = end - 1
      while position >= start {
        defer { position -= 1 }
        guard kind.contains(characters[position]), allowed(position),
          position + 1 == characters.count || !closers.contains(characters[position + 1])
        else { continue }
        guard DisplayColumns.of(String(characters[start...position])) * 2 >= width else { break }
        return position + 1
      }
    }
    return nil
  }

  /// Characters and their styles gathered back into spans, one per run of equal style.
  private static func runs(
    _ characters: ArraySlice<Character>, _ styles: ArraySlice<MarkdownStyle>
  ) -> [MarkdownSpan] {
    var result: [MarkdownSpan] = []
    for (character, style) in zip(characters, styles) {
      if let last = result.indices.last, result[last].style == style {
        result[last].text.append(character)
      } else {
        result.append(MarkdownSpan(text: String(character), style: style))
      }
    }
    return result
  }
}
