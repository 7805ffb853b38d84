import Testing

@testable import LearnchatLessons

/// The copy of cmark's tree: every construct, nesting, and top-level line ranges.
@Suite struct MarkdownDocumentTests {
  static let source = """
    # Title

    Para with *em* **strong** `code` [link](http://a "T") ![alt *x*](img.png "I")
    <b>hi</b> line\\
    break

    <!-- stage: oaep-wrap -->

    ### Sub

    > quote
    > - a

    3. one
       - nested
    4. two

    - loose

    - list

    ```swift
    let x = 1
    ```

        indented

    ---
    Setext
    ------
    """

  @Test func copiesEveryConstruct() {
    let document = MarkdownDocument(parsing: Self.source)
    let paragraph: [MarkdownInline] = [
      .text("Para with "), .emphasis([.text("em")]), .text(" "), .strong([.text("strong")]),
      .text(" "), .code("code"), .text(" "),
      .link(destination: "http://a", title: "T", [.text("link")]), .text(" "),
      .image(source: "img.png", title: "I", alt: [.text("alt "), .emphasis([.text("x")])]),
      .softBreak, .html("<b>"), .text("hi"), .html("</b>"), .text(" line"), .lineBreak,
      .text("break"),
    ]
    let expected: [MarkdownBlockNode] = [
      .init(block: .heading(level: 1, [.text("Title")]), startLine: 1, endLine: 1),
      .init(block: .paragraph(paragraph), startLine: 3, endLine: 5),
      .init(block: .htmlBlock("<!-- stage: oaep-wrap -->\n"), startLine: 7, endLine: 7),
      .init(block: .heading(level: 3, [.text("Sub")]), startLine: 9, endLine: 9),
      .init(
        block: .blockQuote([
          .paragraph([.text("quote")]),
          .list(
            MarkdownList(ordered: false, start: 1, tight: true, items: [[.paragraph([.text("a")])]])
          ),
        ]),
        startLine: 11, endLine: 12),
      .init(
        block: .list(
          MarkdownList(
            ordered: true, start: 3, tight: true,
            items: [
              [
                .paragraph([.text("one")]),
                .list(
                  MarkdownList(
                    ordered: false, start: 1, tight: true, items: [[.paragraph([.text("nested")])]])
                ),
              ],
              [.paragraph([.text("two")])],
            ])),
        startLine: 14, endLine: 16),
      .init(
        block: .list(
          MarkdownList(
            ordered: false, start: 1, tight: false,
            items: [[.paragraph([.text("loose")])], [.paragraph([.text("list")])]])),
        startLine: 18, endLine: 20),
      .init(block: .codeBlock(info: "swift", literal: "let x = 1\n"), startLine: 22, endLine: 24),
      .init(block: .codeBlock(info: "", literal: "indented\n"), startLine: 26, endLine: 26),
      .init(block: .thematicBreak, startLine: 28, endLine: 28),
      .init(block: .heading(level: 2, [.text("Setext")]), startLine: 29, endLine: 30),
    ]
    #expect(document.blocks.count == expected.count)
    for (actual, wanted) in zip(document.blocks, expected) {
      #expect(actual == wanted)
    }
  }

  /// cmark 0.30 ends a one-line comment block on the line before it starts and counts trailing
  /// blank lines into lists; the copied ranges are exact, for slicing a lesson at its markers.
  @Test(arguments: [
    ("<!-- stage: a -->\n\ntext\n", [1...1, 3...3]),
    ("<!-- stage: a -->\ntext", [1...1, 2...2]),
    ("<!--\nnote\n-->\n\ntext", [1...3, 5...5]),
    ("<div>\nx\n</div>\n\ntext", [1...3, 5...5]),
    ("- a\n- b\n\n\n\ntext", [1...2, 6...6]),
    ("    code\n\n\n\ntext", [1...1, 5...5]),
    ("<!-- stage: a -->\r\n\r\ntext\r\n", [1...1, 3...3]),
    ("# t\r<!-- stage: a -->\r# u", [1...1, 2...2, 3...3]),
  ])
  func lineRangesAreExact(source: String, ranges: [ClosedRange<Int>]) {
    let document = MarkdownDocument(parsing: source)
    #expect(document.blocks.map { $0.startLine...$0.endLine } == ranges)
  }

  @Test func emptyInputHasNoBlocks() {
    #expect(MarkdownDocument(parsing: "").blocks.isEmpty)
    #expect(MarkdownDocument(parsing: "\n\n  \n").blocks.isEmpty)
  }

  @Test func nulAndInvalidTextAreCopiedSafely() {
    // cmark replaces NUL with U+FFFD; the copy must not stop at it.
    let document = MarkdownDocument(parsing: "a\u{0}b")
    #expect(document.blocks.map(\.block) == [.paragraph([.text("a\u{FFFD}b")])])
  }

  @Test func entitiesAndEscapesArriveDecoded() {
    let document = MarkdownDocument(parsing: "&amp; \\*not emphasis\\* &#x1F44B;")
    #expect(document.blocks.map(\.block) == [.paragraph([.text("& *not emphasis* 👋")])])
  }

  @Test func autolinksAreLinksToThemselves() {
    let document = MarkdownDocument(parsing: "<https://x.org/a> <me@x.org>")
    #expect(
      document.blocks.map(\.block) == [
        .paragraph([
          .link(destination: "https://x.org/a", title: "", [.text("https://x.org/a")]),
          .text(" "),
          .link(destination: "mailto:me@x.org", title: "", [.text("me@x.org")]),
        ])
      ])
  }

  @Test func nestingTooDeepIsFlattenedNotFatal() {
    let quotes = MarkdownDocument(parsing: String(repeating: ">", count: 5000) + " deep")
    #expect(quotes.blocks.count == 1)
    let brackets = MarkdownDocument(
      parsing: String(repeating: "*a ", count: 3000) + "deep"
        + String(repeating: " a*", count: 3000))
    #expect(brackets.blocks.count == 1)
    let output = TerminalMarkdownRenderer(width: 40, colors: true).render(quotes)
    #expect(output.contains("deep"))
  }
}
