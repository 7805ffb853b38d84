/// How many terminal columns text takes, for wrapping and for checking that lines fit.
///
/// One column per Character (a letter with its accents, a flag, a family emoji), except the
/// Characters terminals draw two columns wide: emoji shown as pictures and East Asian wide or
/// full-width characters. Counting `👋` as one column would let lines overflow by one. Escape
/// sequences are never measured here: renderers measure text before they paint it, and a
/// caller checking painted output removes them first.
public enum DisplayColumns {
  /// The columns `text` takes.
  public static func of<Text: StringProtocol>(_ text: Text) -> Int {
    text.reduce(0) { $0 + of($1) }
  }

  /// `text` followed by spaces up to `width` columns (as it is when already as wide), for
  /// names set in a column.
  public static func padded(_ text: String, to width: Int) -> String {
    text + String(repeating: " ", count: max(0, width - of(text)))
  }

  /// The columns one Character takes: 1 or 2.
  public static func of(_ character: Character) -> Int {
    let scalars = character.unicodeScalars
    guard let first = scalars.first else { return 0 }
    if first.isASCII { return 1 }
    if first.properties.isEmojiPresentation {
      return 2
    }
    // A text-style emoji (such as U+2764) asked to be shown as a picture.
    if first.properties.isEmoji && scalars.contains("\u{FE0F}") {
      return 2
    }
    return wideRanges.contains { $0.contains(first.value) } ? 2 : 1
  }

  /// How many of `characters`, from the start, fit in `width` columns: at least one (when there
  /// is one), so that whoever cuts text into lines always moves on (a wide character given a
  /// single column overflows it by one rather than never being placed).
  static func fittingCount(_ characters: ArraySlice<Character>, width: Int) -> Int {
    var used = 0
    var count = 0
    for character in characters {
      used += of(character)
      if used > width { break }
      count += 1
    }
    return characters.isEmpty ? 0 : max(1, count)
  }

  /// East Asian Wide and Fullwidth blocks (Hangul Jamo, CJK, kana, Hangul syllables,
  /// compatibility and full-width forms, the supplementary ideographic planes).
  private static let wideRanges: [ClosedRange<UInt32>] = [
    0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
    0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
    0xFFE0...0xFFE6, 0x2_0000...0x3_FFFD,
  ]
}
