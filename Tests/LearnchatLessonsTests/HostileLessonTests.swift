import Foundation
import LearnchatTestSupport
import Testing

@testable import LearnchatLessons

/// Lesson files nobody should write, which learnchat must still survive: refused with one clear
/// line, or shown within bounds, never a crash, a hang or a screen of error text.
@Suite("Hostile lesson files")
struct HostileLessonTests {
  static let plaintextStages = PlaintextWalkthrough.stages.map(\.id)

  /// A lesson for the plaintext demo: `introduction`, then every stage with `text` in stage
  /// `stage` (plain words elsewhere), then `extra` markers and text at the end.
  static func lessonSource(
    title: String = "Lesson 1: hostile", introduction: String = "Introduction.",
    stage: String = "send", text: String = "Sent.", extra: String = ""
  ) -> String {
    "# \(title)\n\n<!-- demo: plaintext -->\n\n\(introduction)\n\n"
      + plaintextStages.map { "<!-- stage: \($0) -->\n\n\($0 == stage ? text : "Text.")\n\n" }
      .joined() + extra + "<!-- summary -->\n\nThe end.\n"
  }

  static func parse(_ source: String) throws -> Lesson {
    try Lesson(
      number: 1, fileName: "01-hostile.md",
      text: LessonParser.parse(source, fileName: "01-hostile.md"))
  }

  /// The terminal output of a lesson's introduction and of the text of stage `stage`, as the
  /// presenter shows them, at `width` columns.
  static func rendered(_ lesson: Lesson, stage: String = "send", width: Int = 80) throws -> String {
    let style = PageStyle(settings: TerminalSettings(colors: false, width: width))
    let introduction = StagePageRenderer(style: style).introduction(
      lesson, seed: nil, withText: true)
    let definition = try #require(lesson.stages.first { $0.id == stage })
    return introduction.body.map { $0 + "\n" }.joined()
      + TerminalMarkdownRenderer(width: width, colors: false).render(
        lesson.document(for: definition, values: [:]))
  }

  // MARK: - Size

  @Test("a 10 MB one-line file is refused before it is read, with one line saying why")
  func tenMegabyteLine() throws {
    let folder = try TemporaryFolder()
    let size = 10 * 1024 * 1024
    let path = try folder.write("01-huge.md", Data(repeating: UInt8(ascii: "a"), count: size))
    #expect(
      throws: LessonError.unreadableFile(
        path: path, reason: "it is 10485760 bytes; lessons are limited to 1048576 bytes")
    ) {
      try LessonLibrary.locate(folder: folder.path).lesson(1)
    }
    let message = LessonError.unreadableFile(
      path: path, reason: "it is \(size) bytes; lessons are limited to 1048576 bytes"
    ).description
    #expect(!message.contains("\n"))
  }

  @Test("a 900 KB line of words is loaded and wrapped to the width")
  func nineHundredKilobyteParagraph() throws {
    let line = String(repeating: "word ", count: 180_000)
    let folder = try TemporaryFolder()
    try folder.write("01-long.md", Data(Self.lessonSource(introduction: line).utf8))
    let lesson = try LessonLibrary.locate(folder: folder.path).lesson(1)
    let output = try Self.rendered(lesson)
    let lines = output.split(separator: "\n")
    #expect(lines.allSatisfy { $0.count <= 80 })
    #expect(output.split(whereSeparator: { $0 == " " || $0 == "\n" }).count >= 180_000)
  }

  @Test("a 900 KB word with no space in it is cut into lines that fit, none of it lost")
  func nineHundredKilobyteWord() throws {
    let word = String(repeating: "x", count: 900_000)
    let lesson = try Self.parse(Self.lessonSource(introduction: word, text: "`\(word)`"))
    let output = try Self.rendered(lesson)
    let lines = output.split(separator: "\n")
    #expect(lines.allSatisfy { $0.count <= 80 })
    #expect(lines.filter { $0 == String(repeating: "x", count: 80) }.count >= 2 * 11_249)
    #expect(output.count { $0 == "x" } == 2 * 900_000)
  }

  // MARK: - Nesting

  static let deeplyNested: [(String, String)] = [
    ("block quotes", String(repeating: ">", count: 10_000) + " deep"),
    ("bullet lists", String(repeating: "- ", count: 10_000) + "deep"),
    ("ordered lists", String(repeating: "1. ", count: 10_000) + "deep"),
    ("quotes in lists", String(repeating: "> - ", count: 5_000) + "deep"),
    (
      "emphasis",
      String(repeating: "*a ", count: 10_000) + "deep" + String(repeating: "*", count: 10_000)
    ),
    (
      "links",
      String(repeating: "[", count: 10_000) + "deep" + String(repeating: "](u)", count: 10_000)
    ),
  ]

  @Test(
    "10,000 levels of nesting load, render for the terminal and as HTML", arguments: deeplyNested)
  func deepNesting(name: String, markdown: String) throws {
    let lesson = try Self.parse(Self.lessonSource(introduction: markdown, text: markdown))
    #expect(lesson.text.introduction.contains("deep"), "\(name)")
    for width in [80, 1] {
      let output = try Self.rendered(lesson, width: width)
      #expect(
        MarkdownTerminalText.visibleCharacters(output).contains("deep"),
        "\(name) at width \(width)")
    }
    #expect(MarkdownHTML.render(markdown).contains("deep"), "\(name)")
  }

  // MARK: - Bytes

  @Test("NUL bytes reach neither the terminal nor an error: cmark shows them as U+FFFD")
  func nulBytes() throws {
    let source = Self.lessonSource(
      title: "Lesson\u{0} 1", introduction: "Intro\u{0}duction \u{0}\u{0}.", text: "A\u{0}B `\u{0}`"
    )
    let folder = try TemporaryFolder()
    try folder.write("01-nul.md", Data(source.utf8))
    let lesson = try LessonLibrary.locate(folder: folder.path).lesson(1)
    let output = try Self.rendered(lesson)
    #expect(!output.contains("\u{0}"))
    #expect(output.contains("Intro\u{FFFD}duction"))
    #expect(output.contains("A\u{FFFD}B"))
    #expect(!MarkdownHTML.render(lesson.text.introduction).contains("\u{0}"))
  }

  @Test("a NUL inside a stage marker is a malformed marker, reported in one line")
  func nulInMarker() {
    let source = Self.lessonSource().replacingOccurrences(
      of: "<!-- stage: send -->", with: "<!-- stage: se\u{0}nd -->")
    #expect {
      try Self.parse(source)
    } throws: { error in
      let message = "\(error)"
      return message.hasPrefix("01-hostile.md: line ") && !message.contains("\n")
        && message.contains("needs a name of letters, digits and dashes")
    }
  }

  @Test(
    "invalid UTF-8 anywhere in the file is reported as such",
    arguments: [
      [0xff],  // never valid
      [0xc3],  // a two-byte sequence cut short at the end of the file
      [0xe2, 0x82],  // a three-byte sequence cut short
      [0xed, 0xa0, 0x80],  // an encoded surrogate
      [0xc0, 0xaf],  // an overlong '/'
    ] as [[UInt8]])
  func invalidUTF8(bytes: [UInt8]) throws {
    let folder = try TemporaryFolder()
    let path = try folder.write(
      "01-bad.md", Data(Self.lessonSource(introduction: "Intro").utf8) + Data(bytes))
    #expect(
      throws: LessonError.unreadableFile(path: path, reason: "it is not UTF-8 text")
    ) {
      try LessonLibrary.locate(folder: folder.path).lesson(1)
    }
  }

  @Test("a marker spread over lines is named in one line of the message")
  func multilineMarker() {
    let source = Self.lessonSource(extra: "<!-- stage: a\nb\n\u{1B}[2J\nc -->\n\n")
    #expect {
      try Self.parse(source)
    } throws: { error in
      let message = "\(error)"
      return !message.contains("\n") && !message.contains("\u{1B}")
        && message.contains("`<!-- stage: a\\u{a}b\\u{a}\\u{1b}[2J\\u{a}c -->` needs a name")
    }
  }

  // MARK: - Stages

  @Test("5,000 stray stages: one line naming three of them and counting the rest")
  func thousandsOfStages() {
    let markers = (1...5_000).map { "<!-- stage: s\($0) -->\n\nText.\n\n" }.joined()
    let source = "# Lesson 1: many\n\n<!-- demo: plaintext -->\n\n" + markers
    #expect(
      throws: LessonError.stageMismatch(
        file: "01-hostile.md", unknown: (1...5_000).map { "s\($0)" },
        missing: Self.plaintextStages, expected: Self.plaintextStages)
    ) {
      try Self.parse(source)
    }
    let message = LessonError.stageMismatch(
      file: "01-hostile.md", unknown: (1...5_000).map { "s\($0)" },
      missing: Self.plaintextStages, expected: Self.plaintextStages
    ).description
    #expect(
      message
        == "01-hostile.md: unknown stage s1, s2, s3 and 4,997 more; missing stage connect, send, "
        + "eavesdrop, two-sends, exit; its demo's stages are connect, send, eavesdrop, two-sends, exit"
    )
  }

  @Test("5,000 stray stages after the real ones, and 5,000 repeats of one, are refused")
  func thousandsOfStagesBesideTheRealOnes() {
    let stray = (1...5_000).map { "<!-- stage: s\($0) -->\n\nText.\n\n" }.joined()
    #expect {
      try Self.parse(Self.lessonSource(extra: stray))
    } throws: { error in
      "\(error)".hasPrefix("01-hostile.md: unknown stage s1, s2, s3 and 4,997 more; its demo's")
    }
    let repeated = String(repeating: "<!-- stage: send -->\n\nAgain.\n\n", count: 5_000)
    #expect {
      try Self.parse(Self.lessonSource(extra: repeated))
    } throws: { error in
      "\(error)".hasSuffix(": stage `send` appears twice")
    }
  }

  @Test("thousands are grouped in counts")
  func groupingThousands() {
    #expect(LessonError.groupingThousands(0) == "0")
    #expect(LessonError.groupingThousands(999) == "999")
    #expect(LessonError.groupingThousands(4_997) == "4,997")
    #expect(LessonError.groupingThousands(1_234_567) == "1,234,567")
    #expect(LessonError.list(["a", "b", "c"]) == "a, b, c")
    #expect(LessonError.list(["a", "b", "c", "d"]) == "a, b, c and 1 more")
  }

  // MARK: - Placeholders

  @Test("an unknown placeholder inside a code block is still named, with the ones that work")
  func unknownPlaceholderInCodeBlock() {
    let source = Self.lessonSource(
      stage: "connect", text: "```\nserver: {{server_address}}\nkey: {{session_key}}\n```")
    #expect {
      try Self.parse(source)
    } throws: { error in
      "\(error)" == "01-hostile.md: stage `connect` uses {{session_key}}, which it does not fill; "
        + "it fills {{server_address}}, {{client_address}}"
    }
  }

  @Test("a placeholder with a huge name is named by its start only")
  func hugePlaceholderName() {
    let name = String(repeating: "n", count: 500_000)
    #expect {
      try Self.parse(Self.lessonSource(stage: "connect", text: "{{\(name)}}"))
    } throws: { error in
      let message = "\(error)"
      return message.count < 300
        && message.contains("uses {{\(String(repeating: "n", count: 60))…}}")
    }
  }

  @Test(
    "a megabyte of braces or of distinct placeholders is checked in linear time",
    .timeLimit(.minutes(1)))
  func placeholderFloods() throws {
    let braces = String(repeating: "{", count: 1_000_000)
    let lesson = try Self.parse(Self.lessonSource(text: braces))
    let send = try #require(lesson.stages.first { $0.id == "send" })
    let filled = lesson.document(for: send, values: ["message": "x"]).blocks.first?.block
    guard case .paragraph(let inlines) = filled else {
      Issue.record("the braces are not a paragraph: \(String(describing: filled))")
      return
    }
    #expect(InlineText.plain(inlines).hasPrefix(braces))

    let distinct = (0..<100_000).map { "{{p\($0)}}" }.joined()
    #expect(Placeholders.names(in: distinct).count == 100_000)
    #expect {
      try Self.parse(Self.lessonSource(introduction: distinct))
    } throws: { error in
      "\(error)".contains("stage `introduction` uses {{p0}}")
    }
  }
}

/// The placeholder scanner's edge cases, kept as they were when it became one pass over bytes.
@Suite("Placeholders at the edges")
struct PlaceholderEdgeTests {
  @Test(arguments: [
    ("{{a}}", "1"), ("{{{a}}", "{{{a}}"), ("{{a}}}", "1}"), ("é{{a}}ü{{", "é1ü{{"),
    ("{{ a }}", "{{ a }}"), ("}}{{a}}", "}}1"), ("{{b}}{{a}}", "{{b}}1"), ("{{}}", "{{}}"),
    ("{", "{"), ("", ""), ("{{a}", "{{a}"), ("{{a}}{{a}}", "11"),
  ])
  func fill(text: String, filled: String) {
    #expect(Placeholders.fill(text, with: ["a": "1"]) == filled)
  }

  @Test func names() {
    #expect(Placeholders.names(in: "{{b}} {{a}} {{b}} {{ c }} {{d_1}}") == ["b", "a", "d_1"])
  }
}

/// Width 1, which `--width` refuses but the renderers must still survive: whole lessons, their
/// stages, headings, consoles and hex dumps.
@Suite("Rendering at width 1")
struct WidthOneTests {
  @Test(
    "lessons 1 and 2 run and render at width 1, coloured or not", arguments: [1, 2], [false, true])
  func wholeLessons(number: Int, colors: Bool) throws {
    let (run, output) = try WalkthroughRunTests.run(number, width: 1, colors: colors)
    #expect(!run.stoppedEarly)
    // At width 1 the heading is one letter a line; with the layout taken out it still reads.
    let letters = TerminalText.plain(output).filter { !$0.isWhitespace && $0 != "─" }
    #expect(letters.contains("Summary"))
  }

  @Test(
    "hex dumps at width 1 show every byte, four to a row", arguments: [false, true], [false, true])
  func hexDumps(colors: Bool, full: Bool) {
    let bytes = (0..<300).map { UInt8(truncatingIfNeeded: $0 &* 7) }
    let dump = HexDump(
      bytes: bytes,
      fields: [
        ByteField(name: "length", offset: 0, length: 4),
        ByteField(name: "a very long field name that cannot fit", offset: 4, length: 296),
        ByteField(name: "past the end", offset: 290, length: 50, note: "note"),
      ], title: "a title longer than one column")
    let output = HexDumpRenderer(colors: colors, width: 1, full: full).render(dump)
    let plain = MarkdownTerminalText.strippingSGR(output)
    // Too narrow for the ASCII column and the second space after the offset.
    #expect(plain.contains("\n00000000 00 07 0e 15\n"))
    #expect(plain.filter { !$0.isWhitespace }.contains("averylongfieldnamethatcannotfit"))
    #expect(plain.contains("\n00000128 18 1f 26 2d\n"), "the tail is always shown")
    #expect(full == plain.contains("\n00000080 80 87 8e 95\n"), "the middle only in full")
    #expect(HexDumpRenderer(colors: colors, width: 1, full: full).render(HexDump(bytes: [])) == "")
  }

  @Test("Markdown at width 1: every lesson renders, one character to a line")
  func markdown() throws {
    for lesson in try LessonLibrary(source: .builtIn).files() {
      for colors in [false, true] {
        let output = TerminalMarkdownRenderer(width: 1, colors: colors)
          .render(MarkdownDocument(parsing: lesson.source))
        let plain = MarkdownTerminalText.strippingSGR(output)
        #expect(plain.hasPrefix("L\ne\ns\ns\no\nn\n"), "\(lesson.fileName)")
        #expect(plain.contains("\nt\nh\ne\n"), "\(lesson.fileName)")
        // Only a code line's continuation mark (`↪ ` and a character) is wider than 2.
        for line in MarkdownTerminalText.lines(of: plain) where !line.hasPrefix("↪") {
          #expect(DisplayColumns.of(line) <= 2, "\(lesson.fileName): \(line)")
        }
      }
    }
  }
}
