import Testing

@testable import LearnchatLessons

/// Properties the terminal renderer keeps at every width, with and without colour.
@Suite struct MarkdownRendererPropertyTests {
  static let widths = [0, 1, 2, 5, 12, 20, 33, 40, 80, 200]

  /// The fixture document without its code blocks, which are the one thing allowed to overflow.
  static func documentWithoutCode() throws -> MarkdownDocument {
    let document = MarkdownDocument(parsing: try MarkdownFixtures.read("rendering.md"))
    return MarkdownDocument(
      blocks: document.blocks.filter {
        if case .codeBlock = $0.block { false } else { true }
      })
  }

  @Test(arguments: widths, [false, true])
  func linesFitUnlessOneWordIsTooLong(width: Int, colors: Bool) throws {
    let output = TerminalMarkdownRenderer(width: width, colors: colors).render(
      try Self.documentWithoutCode())
    for line in MarkdownTerminalText.lines(of: output) {
      let visible = MarkdownTerminalText.strippingSGR(line)
      guard MarkdownColumns.of(visible) > max(1, width) else { continue }
      // Only list markers, quote bars and heading marks may stand before an over-long word.
      let content = MarkdownTerminalText.droppingLinePrefix(visible)
      #expect(
        !content.isEmpty && !content.contains(" "), "over \(width) columns: \(visible)")
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

  @Test func colorOnShowsTheSameWordsAsColorOff() throws {
    // With colour the markers (* ** `) go; every word of the text stays.
    let document = MarkdownDocument(parsing: try MarkdownFixtures.read("rendering.md"))
    let plain = TerminalMarkdownRenderer(width: 80, colors: false).render(document)
    let colored = TerminalMarkdownRenderer(width: 80, colors: true).render(document)
    func words(_ text: String) -> [Substring] {
      text.filter { $0 != "*" && $0 != "`" }.split(whereSeparator: { $0 == " " || $0 == "\n" })
    }
    #expect(words(MarkdownTerminalText.strippingSGR(colored)) == words(plain))
  }

  @Test(arguments: [0, 1])
  func tinyWidthsEndAndKeepEveryWord(width: Int) throws {
    let document = MarkdownDocument(parsing: try MarkdownFixtures.read("rendering.md"))
    let output = TerminalMarkdownRenderer(width: width, colors: false).render(document)
    #expect(output.contains("\nGrüße\n"))
    #expect(output.contains("\n2048-bit\n"))
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
      #expect(output.contains("deep"))
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

  /// The line without its leading indentation, quote bars, bullets, list numbers and heading
  /// marks.
  static func droppingLinePrefix(_ line: String) -> Substring {
    var rest = line[...]
    while true {
      let trimmed = rest.drop { " •◦▪│#".contains($0) }
      if let number = trimmed.prefixMatch(of: #/[0-9]+\. /#) {
        rest = trimmed[number.range.upperBound...]
      } else if trimmed.count == rest.count {
        return rest
      } else {
        rest = trimmed
      }
    }
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
