import Testing

@testable import LearnchatLessons

/// Small, exact cases for the terminal renderer's rules.
@Suite struct MarkdownRendererTests {
  private func plain(_ markdown: String, width: Int = 80) -> String {
    TerminalMarkdownRenderer(width: width, colors: false).render(
      MarkdownDocument(parsing: markdown))
  }

  private func colored(_ markdown: String, width: Int = 80, theme: Theme = .dark) -> String {
    TerminalMarkdownRenderer(width: width, colors: true, theme: theme).render(
      MarkdownDocument(parsing: markdown))
  }

  /// The escape sequence that starts `role`'s colour in the dark theme, read from its palette.
  private func ink(_ role: MarkdownColorRole, _ attributes: String = "") -> String {
    "\u{1B}[\(attributes)38;5;\(ThemePalette.dark.ink(for: role).color)m"
  }

  private let reset = "\u{1B}[0m"

  @Test func stageMarkersVanishWithoutLeavingBlankLines() {
    #expect(plain("One.\n\n<!-- stage: oaep-wrap -->\n\nTwo.") == "One.\n\nTwo.\n")
    #expect(plain("One <!-- inline note -->two.") == "One two.\n")
  }

  @Test func otherHTMLIsShownAsWritten() {
    #expect(plain("<div>\n  <b>x</b>  \n</div>") == "<div>\n  <b>x</b>\n</div>\n")
    #expect(plain("Press <kbd>Enter</kbd>.") == "Press <kbd>Enter</kbd>.\n")
  }

  @Test func linksShowTheirDestinationOnce() {
    #expect(
      plain("[RFC 8017](https://rfc.example/8017)") == "RFC 8017 (https://rfc.example/8017)\n")
    #expect(plain("<https://x.example/a>") == "https://x.example/a\n")
    #expect(plain("<me@x.example>") == "me@x.example\n")
    #expect(plain("[](https://x.example/a)") == "https://x.example/a\n")
    #expect(plain("![](a.png) ![a *b*](b.png)") == "[image] (a.png) [image: a b] (b.png)\n")
  }

  /// Without colour, emphasis and strong text are plain words and code spans are bare: no
  /// Markdown marker reaches the reader. Escaped markers are text and stay.
  @Test func noMarkersWithoutColor() {
    #expect(plain("*a* **b** `c  d` ***e*** _f_ __g__") == "a b c  d e f g\n")
    #expect(plain("2 \\* 3 and \\`x\\`") == "2 * 3 and `x`\n")
  }

  @Test func nestedStylesAreRestored() {
    #expect(
      colored("**bold *both* bold**")
        == "\u{1B}[1mbold \u{1B}[0m\u{1B}[1;3mboth\u{1B}[0m\u{1B}[1m bold\u{1B}[0m\n")
    #expect(
      colored("[see *this*](u)")
        == "\u{1B}[4msee \u{1B}[0m\u{1B}[3;4mthis\u{1B}[0m \(ink(.url))(u)\(reset)\n")
  }

  @Test func styledSpansAreClosedAndReopenedAcrossLines() {
    #expect(
      colored("**one two** three", width: 5)
        == "\u{1B}[1mone\u{1B}[0m\n\u{1B}[1mtwo\u{1B}[0m\nthree\n")
  }

  @Test func punctuationStaysWithItsWord() {
    // Breaking between "**key**" and "," would start a line with a comma.
    #expect(plain("a **key**, b", width: 5) == "a\nkey,\nb\n")
    #expect(colored("a **key**, b", width: 5) == "a\n\u{1B}[1mkey\u{1B}[0m,\nb\n")
  }

  @Test func hardAndSoftBreaks() {
    #expect(plain("one\ntwo  \nthree\\\nfour") == "one two\nthree\nfour\n")
  }

  @Test func codeBlocksAreIndentedVerbatim() {
    #expect(
      plain("```\nif x {\n\tlong_line_of_code()   \n\n}\n```")
        == "    if x {\n        long_line_of_code()\n\n    }\n")
    #expect(colored("    a\n") == "    \(ink(.code))a\(reset)\n")
  }

  /// A line too long for the width breaks at the last space that fits and goes on after a
  /// mark, indented like the line it continues.
  @Test func longCodeLinesAreFoldedWithAMark() {
    #expect(
      plain("```\nopenssl pkeyutl -encrypt -pubin -inkey key.pem\n```", width: 30)
        == "    openssl pkeyutl -encrypt\n    ↪ -pubin -inkey key.pem\n")
    #expect(
      plain("```\nfor b in x:\n    print(b, len(b), b.hex())\n```", width: 24)
        == "    for b in x:\n        print(b, len(b),\n        ↪ b.hex())\n")
    // No space to break at: the token itself is cut where the line is full.
    let token = String(repeating: "0123456789", count: 4)
    #expect(
      plain("```\n\(token)\n```", width: 20)
        == "    0123456789012345\n    ↪ 67890123456789\n    ↪ 0123456789\n")
    // The mark is shown in the decoration colour, apart from the code.
    #expect(
      colored("```\naaaa bbbb cccc dddd\n```", width: 20)
        == "    \(ink(.code))aaaa bbbb cccc\(reset)\n"
        + "    \(ink(.decoration))↪ \(reset)\(ink(.code))dddd\(reset)\n")
  }

  /// A space inside double quotes is usually part of a string (`hex(" ")`), so a break goes to
  /// another space when one fits.
  @Test func foldingAvoidsSpacesInsideDoubleQuotes() {
    #expect(
      plain("```\nprint(x.hex(\" \"), y)\n```", width: 22)
        == "    print(x.hex(\" \"),\n    ↪ y)\n")
    #expect(
      plain("```\nprint(\"a b c d e f g h\")\n```", width: 20)
        == "    print(\"a b c d e\n    ↪ f g h\")\n")
  }

  @Test func htmlBlocksAreFoldedToo() {
    #expect(
      plain("<div>\n<p>one two three four</p>\n</div>", width: 16)
        == "<div>\n<p>one two three\n↪ four</p>\n</div>\n")
  }

  /// A word longer than the line (a URL, a hex string) starts a line and is cut into pieces
  /// that fit, after a `/` or similar when one falls in the second half of the line.
  @Test func longWordsAreBrokenToFit() {
    #expect(
      plain("see https://example.com/learnchat/lessons/two now", width: 20)
        == "see\nhttps://example.com/\nlearnchat/lessons/\ntwo now\n")
    #expect(
      plain("key 00112233445566778899aabbccddeeff end", width: 20)
        == "key\n00112233445566778899\naabbccddeeff end\n")
    #expect(
      colored("a **bold1234567890** b", width: 10)
        == "a\n\u{1B}[1mbold123456\u{1B}[0m\n\u{1B}[1m7890\u{1B}[0m b\n")
  }

  @Test func headings() {
    #expect(plain("# Key pair") == "Key pair\n========\n")
    #expect(plain("Nonce\n---") == "Nonce\n-----\n")
    #expect(plain("#### Deep one two", width: 14) == "#### Deep one\n     two\n")
    // Too narrow for the marks and 8 columns of text: the marks give way.
    #expect(plain("#### Deep one", width: 12) == "Deep one\n")
    #expect(
      plain("# A title wider than ten", width: 10) == "A title\nwider than\nten\n==========\n")
    #expect(
      colored("## Two `x`")
        == "\(ink(.heading2, "1;"))Two \(reset)\(ink(.code, "1;"))x\(reset)\n"
        + "\(ink(.heading2, "1;"))-----\(reset)\n")
  }

  @Test func listsAlignNumbersAndContinuationLines() {
    let source = (1...10).map { "\($0). item \($0)" }.joined(separator: "\n")
    let output = plain(source)
    #expect(output.hasPrefix(" 1. item 1\n 2. item 2\n"))
    #expect(output.hasSuffix(" 9. item 9\n10. item 10\n"))
    #expect(plain("- aaa bbb\n  ccc", width: 10) == "• aaa bbb\n  ccc\n")
    // Too narrow to indent: the marker takes a line of its own, the item keeps the width.
    #expect(plain("- aaa bbb\n- c", width: 8) == "•\naaa bbb\n•\nc\n")
    #expect(plain("- a\n\n  b\n- c") == "• a\n\n  b\n\n• c\n")
    #expect(plain("- a\n  - b\n    - c\n      - d") == "• a\n  ◦ b\n    ▪ c\n      ▪ d\n")
    #expect(plain("0. zero\n1. one") == "0. zero\n1. one\n")
    #expect(plain("-\n- b") == "•\n• b\n")
  }

  @Test func blockQuotes() {
    #expect(plain("> aaa bbb ccc\n>\n> > d", width: 12) == "│ aaa bbb\n│ ccc\n│\n│ │ d\n")
    // Too narrow for another bar: the inner quote gives its bar up rather than squeeze.
    #expect(plain("> a\n>\n> > b", width: 11) == "│ a\n│\n│ b\n")
    #expect(colored("> q") == "\(ink(.decoration))│\(reset) q\n")
  }

  @Test func thematicBreakFillsTheWidthUpToEighty() {
    #expect(plain("***", width: 10) == String(repeating: "─", count: 10) + "\n")
    #expect(plain("***", width: 120) == String(repeating: "─", count: 80) + "\n")
    #expect(plain("***", width: 0) == "─\n")
  }

  @Test func controlCharactersCannotReachTheTerminal() {
    #expect(plain("a\u{1B}[2Jb\u{7}") == "a\u{FFFD}[2Jb\u{FFFD}\n")
    #expect(plain("```\n\u{1B}]0;title\u{7}\n```") == "    \u{FFFD}]0;title\u{FFFD}\n")
  }

  @Test func wideCharactersTakeTwoColumns() {
    #expect(plain("ab 👋 cd", width: 5) == "ab 👋\ncd\n")
    #expect(plain("ab 漢字 cd", width: 6) == "ab\n漢字\ncd\n")
    // A word of wide characters breaks between them, never half-way through one.
    #expect(plain("漢字漢字漢字", width: 5) == "漢字\n漢字\n漢字\n")
    #expect(plain("Grüße aus", width: 5) == "Grüße\naus\n")
  }
}
