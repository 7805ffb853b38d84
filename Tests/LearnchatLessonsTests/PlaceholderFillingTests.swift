import Testing

@testable import LearnchatLessons

/// Live values are filled into the parsed tree as text: whatever characters a value holds,
/// it never changes the markup around it.
@Suite("Placeholders filled in the tree")
struct PlaceholderFillingTests {
  /// Values made of Markdown and HTML metacharacters, and one that looks like a placeholder.
  static let hostileValues = [
    "*not emphasis*", "`not code`", "<script>alert(1)</script>", "[x](javascript:alert(1))",
    "a_b_c __d__", "&amp; &lt;", "# not a heading", "{{message}}", "1. not a list",
    "line\\", "> not a quote",
  ]

  static func lesson(text: String) throws -> Lesson {
    try HostileLessonTests.parse(HostileLessonTests.lessonSource(text: text))
  }

  static func send(_ lesson: Lesson) throws -> StageDefinition {
    try #require(lesson.stages.first { $0.id == "send" })
  }

  @Test("a value shows exactly as written, in the terminal", arguments: hostileValues)
  func terminalShowsValue(value: String) throws {
    let lesson = try Self.lesson(text: "The client sent {{message}} to the server.")
    let document = lesson.document(for: try Self.send(lesson), values: ["message": value])
    let rendered = TerminalMarkdownRenderer(width: 200, colors: false).render(document)
    #expect(rendered == "The client sent \(value) to the server.\n")
  }

  @Test("a value is escaped text on the HTML page", arguments: hostileValues)
  func htmlEscapesValue(value: String) throws {
    let lesson = try Self.lesson(text: "Sent: **{{message}}**")
    let document = lesson.document(for: try Self.send(lesson), values: ["message": value])
    #expect(
      MarkdownHTML.render(document)
        == "<p>Sent: <strong>\(HTMLEscaping.text(value))</strong></p>\n")
  }

  @Test("placeholders in code spans and code blocks are filled too, and stay code")
  func codeIsFilled() throws {
    let lesson = try Self.lesson(
      text: "Length `{{message_length}}`:\n\n```text\n{{message_hex}}\n```")
    let document = lesson.document(
      for: try Self.send(lesson), values: ["message_length": "3`*", "message_hex": "</code>"])
    #expect(
      MarkdownHTML.render(document)
        == "<p>Length <code>3`*</code>:</p>\n<pre><code class=\"language-text\">&lt;/code&gt;\n"
        + "</code></pre>\n")
  }

  @Test("a name cmark splits at `_` is still one placeholder")
  func underscoreNames() throws {
    let lesson = try Self.lesson(text: "{{message_hex}} and _emphasis_")
    let document = lesson.document(for: try Self.send(lesson), values: ["message_hex": "6d 65"])
    #expect(MarkdownHTML.render(document) == "<p>6d 65 and <em>emphasis</em></p>\n")
  }

  @Test("the seeded-run note shows any seed as written")
  func seedIsText() throws {
    let lesson = try Self.lesson(text: "Sent.")
    let style = PageStyle(settings: TerminalSettings(colors: false, width: 100))
    let page = StagePageRenderer(style: style).introduction(
      lesson, seed: "a`b *c* <d>", withText: false)
    #expect(page.body.joined(separator: "\n").contains("Seeded run (--seed a`b *c* <d>): "))
  }
}
