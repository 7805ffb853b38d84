import Testing

@testable import LearnchatLessons

@Suite("Lesson files: markers, sections, errors")
struct LessonParserTests {
  static let sample = """
    # Lesson 9: A sample

    Intro paragraph.

    <!-- demo: plaintext -->

    More introduction.

    <!-- stage: connect -->

    Connect text with {{server_address}}.

    ```
    <!-- stage: not-a-marker -->
    ```

    <!-- stage: send -->
    Send text.

    <!-- summary -->

    The summary.
    """

  @Test("the file splits into title, demo, introduction, stages and summary")
  func splits() throws {
    let text = try LessonParser.parse(Self.sample, fileName: "09-sample.md")
    #expect(text.title == "Lesson 9: A sample")
    #expect(text.demo == "plaintext")
    #expect(text.introduction == "# Lesson 9: A sample\n\nIntro paragraph.\n\nMore introduction.\n")
    #expect(text.sections.map(\.stage) == ["connect", "send"])
    #expect(
      text.section(for: "connect")?.markdown
        == "Connect text with {{server_address}}.\n\n```\n<!-- stage: not-a-marker -->\n```\n")
    #expect(text.section(for: "send")?.markdown == "Send text.\n")
    #expect(text.summary == "The summary.\n")
  }

  @Test(
    "structural mistakes are reported with the file name and what is wrong",
    arguments: [
      ("Just text.\n<!-- demo: plaintext -->\n", "x.md: it has no title"),
      ("# T\n\nNo demo.\n", "x.md: it names no demo"),
      (
        "# T\n\n<!-- demo: plaintext -->\n\n<!-- stage: a -->\n\n<!-- stage: a -->\n",
        "x.md: line 7: stage `a` appears twice"
      ),
      (
        "# T\n\n<!-- demo: plaintext -->\n\n<!-- summary -->\n\n<!-- stage: a -->\n",
        "x.md: line 7: stage `a` comes after the summary"
      ),
      (
        "# T\n\n<!-- demo: plaintext -->\n\n<!-- stage: bad name! -->\n",
        "x.md: line 5: `<!-- stage: bad name! -->` needs a name"
      ),
      ("# T\n\n<!-- demo: a -->\n\n<!-- demo: b -->\n", "x.md: line 5: a second demo marker"),
    ])
  func mistakes(source: String, message: String) {
    #expect {
      try LessonParser.parse(source, fileName: "x.md")
    } throws: { error in
      "\(error)".hasPrefix(message)
    }
  }

  @Test("ordinary HTML comments are not markers")
  func ordinaryComments() throws {
    let text = try LessonParser.parse(
      "# T\n\n<!-- a note for instructors -->\n\n<!-- demo: plaintext -->\n", fileName: "x.md")
    #expect(text.sections.isEmpty)
    #expect(text.introduction.contains("a note for instructors"))
  }
}

@Suite("Placeholders")
struct PlaceholderTests {
  @Test("names are found in order, once each, and filled")
  func fill() {
    let text = "A {{one}} and `{{two}}` and {{one}} again, {{not a name}}, {{unknown}}, {{ and {{"
    #expect(Placeholders.names(in: text) == ["one", "two", "unknown"])
    #expect(
      Placeholders.fill(text, with: ["one": "1", "two": "2"])
        == "A 1 and `2` and 1 again, {{not a name}}, {{unknown}}, {{ and {{")
  }
}
