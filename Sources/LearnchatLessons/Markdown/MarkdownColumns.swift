/// How many terminal columns text takes, for wrapping.
///
/// One column per Character (a letter with its accents, a flag, a family emoji), except the
/// Characters terminals draw two columns wide: emoji shown as pictures and East Asian wide or
/// full-width characters. Counting `👋` as one column would let lines overflow by one.
enum MarkdownColumns {
  /// The columns `text` takes.
  static func of(_ text: String) -> Int {
    text.reduce(0) { $0 + of($1) }
  }

  /// The columns one Character takes: 1 or 2.
  static func of(_ character: Character) -> Int {
    let scalars = character.unicodeScalars
    guard let first = scalars.first else { return 0 }
    if first.properties.isEmojiPresentation {
      return 2
    }
    // A text-style emoji (such as U+2764) asked to be shown as a picture.
    if first.properties.isEmoji && scalars.contains("\u{FE0F}") && !first.isASCII {
      return 2
    }
    return wideRanges.contains { $0.contains(first.value) } ? 2 : 1
  }

  /// East Asian Wide and Fullwidth blocks (Hangul Jamo, CJK, kana, Hangul syllables,
  /// compatibility and full-width forms, the supplementary ideographic planes).
  private static let wideRanges: [ClosedRange<UInt32>] = [
    0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
    0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
    0xFFE0...0xFFE6, 0x2_0000...0x3_FFFD,
  ]
}
