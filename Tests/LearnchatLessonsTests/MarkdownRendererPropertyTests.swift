import Testing

@testable import LearnchatLessons

/// Properties the terminal renderer keeps at every width, with and without colour.
@Suite struct MarkdownRendererPropertyTests {
  static let widths = [0, 1, 2, 5, 12, 20, 33, 40, 80, 200]

  /// Every line of the fixture, code and long words included, fits: from 3 columns up (the
  /// narrowest that holds a continuation mark and one character), and below as if for 3.
  @Test(arguments: widths, [false, true])
  func everyLineFits(width: Int, colors: Bool) throws {
    let document = MarkdownDocument(parsing: try MarkdownFixtures.read("rendering.md"))
    let output = TerminalMarkdownRenderer(width: width, colors: colors).render(document)
    for line in MarkdownTerminalText.lines(of: output) {
      let visible = MarkdownTerminalText.strippingSGR(line)
      #expect(DisplayColumns.of(visible) <= max(3, width), "over \(width) columns: \(visible)")
    }
  }

  @Test(arguments: widths, [false, true])
  func noTrailingWhitespaceAndOneFinalNewline(width: Int, colors: Bool) throws {
    let document = MarkdownDocument(parsing: try MarkdownFixtures.read("rendering.md"))
    let output = TerminalMarkdownRenderer(width: width, colors: colors).render(document)
    #expect(output.hasSuffix("\n") && !output.hasSuffix("\n\n"))
    #expect(!output.hasPrefix("\n"))
    #expect(!output.contains("\n\n\n"), "more than one blank line between blocks")
    for line in MarkdownTerminalText.lines(of: output) {
      let visible = MarkdownTerminalText.strippingSGR(line)
      #expect(visible.last != " " && visible.last != "\t", "trailing space: \(visible)")
    }
  }

  @Test(arguments: widths)
  func colorOffHasNoEscapes(width: Int) throws {
    let document = MarkdownDocument(parsing: try MarkdownFixtures.read("rendering.md"))
    let output = TerminalMarkdownRenderer(width: width, colors: false).render(document)
    #expect(!output.contains("\u{1B}"))
  }

  /// Each line opens a style at most once per run and resets it before the next run and before
  /// the line ends, using nothing but SGR sequences.
  @Test(arguments: widths)
  func colorOnIsBalancedOnEveryLine(width: Int) throws {
    let document = MarkdownDocument(parsing: try MarkdownFixtures.read("rendering.md"))
    let output = TerminalMarkdownRenderer(width: width, colors: true).render(document)
    #expect(output.contains("\u{1B}["))
    for line in MarkdownTerminalText.lines(of: output) {
      var open = false
      for code in MarkdownTerminalText.sgrSequences(in: line) {
        #expect(code != nil, "not an SGR sequence: \(line)")
        if code == "0" {
          #expect(open, "reset without a style: \(line)")
          open = false
        } else {
          #expect(!open, "style opened twice: \(line)")
          open = true
        }
      }
      #expect(!open, "style left open at the end of: \(line)")
    }
  }

  /// Colour only adds escape sequences: the text, its layout and its line breaks are the same
  /// with colour off, in every theme.
  @Test(arguments: [20, 40, 80], Theme.allCases)
  func colorOnlyAddsEscapes(width: Int, theme: Theme) throws {
    let document = MarkdownDocument(parsing: try MarkdownFixtures.read("rendering.md"))
    let plain = TerminalMarkdownRenderer(width: width, colors: false).render(document)
    let colored = TerminalMarkdownRenderer(width: width, colors: true, theme: theme).render(
      document)
    #expect(MarkdownTerminalText.strippingSGR(colored) == plain)
  }

  @Test(arguments: [0, 1])
  func tinyWidthsEndAndKeepEveryWord(width: Int) throws {
    let document = MarkdownDocument(parsing: try MarkdownFixtures.read("rendering.md"))
    let output = TerminalMarkdownRenderer(width: width, colors: false).render(document)
    let visible = MarkdownTerminalText.visibleCharacters(output)
    #expect(visible.contains("Grüße"))
    #expect(visible.contains("2048-bit"))
    #expect(visible.contains("label=None))"))
  }

  @Test func deeplyNestedContainersAtTinyWidths() {
    let source = """
      > > > - - - 1. > deep *text* here
      >
      > > >     code
      """
    let document = MarkdownDocument(parsing: source)
    for width in [0, 1, 3, 8] {
      let output = TerminalMarkdownRenderer(width: width, colors: true).render(document)
      #expect(MarkdownTerminalText.visibleCharacters(output).contains("deeptexthere"))
    }
  }

  @Test func emptyDocumentsRenderNothing() {
    for source in ["", "\n\n", "<!-- stage: only-a-marker -->", "<!-- a -->\n\n<!-- b -->\n"] {
      let document = MarkdownDocument(parsing: source)
      #expect(TerminalMarkdownRenderer(width: 80, colors: false).render(document) == "")
      #expect(TerminalMarkdownRenderer(width: 80, colors: true).render(document) == "")
    }
  }
}

/// Reading terminal output back in tests.
enum MarkdownTerminalText {
  static func lines(of output: String) -> [Substring] {
    output.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
  }

  /// What a reader sees of `output` as one run of characters: without escape sequences,
  /// whitespace, quote bars and the continuation marks of folded code, so that text cut
  /// across lines reads whole again.
  static func visibleCharacters(_ output: String) -> String {
    strippingSGR(output).filter { !$0.isWhitespace && $0 != "│" && $0 != "↪" }
  }

  /// The text with every `ESC [ params m` removed.
  static func strippingSGR<S: StringProtocol>(_ text: S) -> String {
    String(text).replacing(#/\x1B\[[0-9;]*m/#, with: "")
  }

  /// The parameters of each escape sequence in `line`, or nil for an ESC that does not start an
  /// SGR sequence.
  static func sgrSequences<S: StringProtocol>(in line: S) -> [String?] {
    let text = String(line)
    var result: [String?] = []
    var index = text.startIndex
    while let escape = text[index...].firstIndex(of: "\u{1B}") {
      let rest = text[text.index(after: escape)...]
      if let match = rest.prefixMatch(of: #/\[([0-9;]*)m/#) {
        result.append(String(match.1))
        index = match.range.upperBound
      } else {
        result.append(nil)
        index = text.index(after: escape)
      }
    }
    return result
  }
}
