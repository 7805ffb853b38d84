import LearnchatTestSupport
import Testing

@testable import LearnchatLessons

/// Random documents at random widths from 20 to 200: no line is ever wider than the width, and
/// no text is lost.
@Suite struct MarkdownWidthPropertyTests {
  /// A width from 20 to 200 and a theme, drawn from the seed.
  static func conditions(seed: UInt64) -> (width: Int, theme: Theme) {
    var random = SeededRandom(seed: seed &* 0x5851_F42D_4C95_7F2D)
    return (Int.random(in: 20...200, using: &random), random.pick(Theme.allCases))
  }

  @Test(arguments: 0..<200)
  func randomDocumentsFitTheirWidth(seed: Int) {
    let document = RandomMarkdown(seed: UInt64(seed))
    let (width, theme) = Self.conditions(seed: UInt64(seed))
    let parsed = MarkdownDocument(parsing: document.source)
    for colors in [false, true] {
      let output = TerminalMarkdownRenderer(width: width, colors: colors, theme: theme)
        .render(parsed)
      for line in MarkdownTerminalText.lines(of: output) {
        let visible = MarkdownTerminalText.strippingSGR(line)
        #expect(
          DisplayColumns.of(visible) <= width,
          "seed \(seed), width \(width): \(visible)\n--- source:\n\(document.source)")
      }
    }
  }

  /// Every word, code line and link destination of the source is shown, whole and in order,
  /// once whitespace, quote bars and continuation marks are set aside; and apart from rules
  /// and heading underlines (whose length follows the width) the text is the same as at a
  /// width that breaks nothing.
  @Test(arguments: 0..<200)
  func randomDocumentsKeepTheirText(seed: Int) {
    let document = RandomMarkdown(seed: UInt64(seed))
    let (width, theme) = Self.conditions(seed: UInt64(seed))
    let parsed = MarkdownDocument(parsing: document.source)
    let output = TerminalMarkdownRenderer(width: width, colors: true, theme: theme).render(parsed)
    let visible = MarkdownTerminalText.visibleCharacters(output)
    var position = visible.startIndex
    for fragment in document.fragments {
      guard let found = visible[position...].firstRange(of: fragment) else {
        Issue.record(
          "seed \(seed), width \(width): \(fragment) is missing\n--- source:\n\(document.source)")
        return
      }
      position = found.upperBound
    }
    let unbroken = TerminalMarkdownRenderer(width: 100_000, colors: false).render(parsed)
    #expect(
      Self.textWithoutShapes(output) == Self.textWithoutShapes(unbroken),
      "seed \(seed), width \(width)\n--- source:\n\(document.source)")
  }

  /// The visible characters of lines that are not heading underlines, without rules (whose
  /// length follows the width) and heading marks (which narrow containers give up). The
  /// random documents hold none of these characters in their text.
  static func textWithoutShapes(_ output: String) -> String {
    MarkdownTerminalText.lines(of: output).map { line in
      let content = MarkdownTerminalText.visibleCharacters(String(line))
      let underline =
        !content.isEmpty && (content.allSatisfy { $0 == "=" } || content.allSatisfy { $0 == "-" })
      return underline ? "" : content
    }.joined().filter { $0 != "#" && $0 != "─" }
  }
}
