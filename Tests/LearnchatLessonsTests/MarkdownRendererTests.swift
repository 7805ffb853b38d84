import Testing

@testable import LearnchatLessons

/// Small, exact cases for the terminal renderer's rules.
@Suite struct MarkdownRendererTests {
  private func plain(_ markdown: String, width: Int = 80) -> String {
    TerminalMarkdownRenderer(width: width, colors: false).render(
      MarkdownDocument(parsing: markdown))
  }

  private func colored(_ markdown: String, width: Int = 80) -> String {
    TerminalMarkdownRenderer(width: width, colors: true).render(MarkdownDocument(parsing: markdown))
  }

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
    #expect(plain("![](a.png) ![a *b*](b.png)") == "[image] (a.png) [image: a *b*] (b.png)\n")
  }

  @Test func markersWithoutColor() {
    #expect(plain("*a* **b** `c d` ***e***") == "*a* **b** `c d` ***e***\n")
  }

  @Test func nestedStylesAreRestored() {
    #expect(
      colored("**bold *both* bold**")
        == "\u{1B}[1mbold \u{1B}[0m\u{1B}[1;3mboth\u{1B}[0m\u{1B}[1m bold\u{1B}[0m\n")
    #expect(
      colored("[see *this*](u)")
        == "\u{1B}[4msee \u{1B}[0m\u{1B}[3;4mthis\u{1B}[0m \u{1B}[2m(u)\u{1B}[0m\n")
  }

  @Test func styledSpansAreClosedAndReopenedAcrossLines() {
    #expect(
      colored("**one two** three", width: 4)
        == "\u{1B}[1mone\u{1B}[0m\n\u{1B}[1mtwo\u{1B}[0m\nthree\n")
  }

  @Test func punctuationStaysWithItsWord() {
    // Breaking between "**key**" and "," would start a line with a comma.
    #expect(plain("a **key**, b", width: 7) == "a\n**key**,\nb\n")
  }

  @Test func hardAndSoftBreaks() {
    #expect(plain("one\ntwo  \nthree\\\nfour") == "one two\nthree\nfour\n")
  }

  @Test func codeBlocksAreIndentedVerbatimAndNeverWrapped() {
    #expect(
      plain("```\nif x {\n\tlong_line_of_code()   \n\n}\n```", width: 5)
        == "    if x {\n        long_line_of_code()\n\n    }\n")
    #expect(colored("    a\n") == "    \u{1B}[36ma\u{1B}[0m\n")
  }

  @Test func headings() {
    #expect(plain("# Key pair") == "Key pair\n========\n")
    #expect(plain("Nonce\n---") == "Nonce\n-----\n")
    #expect(plain("#### Deep one", width: 9) == "#### Deep\n     one\n")
    #expect(
      plain("# A title wider than ten", width: 10) == "A title\nwider than\nten\n==========\n")
    #expect(
      colored("## Two `x`")
        == "\u{1B}[1;32mTwo \u{1B}[0m\u{1B}[1;36mx\u{1B}[0m\n\u{1B}[1;32m-----\u{1B}[0m\n")
  }

  @Test func listsAlignNumbersAndContinuationLines() {
    let source = (1...10).map { "\($0). item \($0)" }.joined(separator: "\n")
    let output = plain(source)
    #expect(output.hasPrefix(" 1. item 1\n 2. item 2\n"))
    #expect(output.hasSuffix(" 9. item 9\n10. item 10\n"))
    #expect(plain("- aaa bbb\n  ccc", width: 7) == "• aaa\n  bbb\n  ccc\n")
    #expect(plain("- a\n\n  b\n- c") == "• a\n\n  b\n\n• c\n")
    #expect(plain("- a\n  - b\n    - c\n      - d") == "• a\n  ◦ b\n    ▪ c\n      ▪ d\n")
    #expect(plain("0. zero\n1. one") == "0. zero\n1. one\n")
    #expect(plain("-\n- b") == "•\n• b\n")
  }

  @Test func blockQuotes() {
    #expect(plain("> a b c\n>\n> > d", width: 5) == "│ a b\n│ c\n│\n│ │ d\n")
    #expect(colored("> q") == "\u{1B}[2m│\u{1B}[0m q\n")
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
    #expect(plain("Grüße aus", width: 5) == "Grüße\naus\n")
  }
}
