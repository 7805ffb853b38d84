import Testing

@testable import LearnchatLessons

@Suite("A lesson file checked against its demo")
struct LessonValidationTests {
  static func lesson(_ stages: [String], demo: String = "plaintext", extra: String = "") throws
    -> Lesson
  {
    let source =
      "# Test\n\n<!-- demo: \(demo) -->\n\n"
      + stages.map { "<!-- stage: \($0) -->\n\nText \(extra)\n\n" }.joined()
    return try Lesson(
      number: 9, fileName: "09-test.md",
      text: LessonParser.parse(source, fileName: "09-test.md"))
  }

  static let plaintextStages = PlaintextWalkthrough.stages.map(\.id)

  @Test("a file with exactly the demo's stages is accepted")
  func accepted() throws {
    let lesson = try Self.lesson(Self.plaintextStages)
    #expect(lesson.stages.map(\.id) == Self.plaintextStages)
  }

  @Test("an unknown stage and a missing stage are both named, with the demo's stages")
  func mismatch() {
    let stages = Self.plaintextStages.dropLast() + ["oaep-wrap"]
    #expect(
      throws: LessonError.stageMismatch(
        file: "09-test.md", unknown: ["oaep-wrap"], missing: ["exit"],
        expected: Self.plaintextStages)
    ) {
      try Self.lesson(Array(stages))
    }
    let message = LessonError.stageMismatch(
      file: "09-test.md", unknown: ["oaep-wrap"], missing: ["exit"],
      expected: Self.plaintextStages
    ).description
    #expect(
      message
        == "09-test.md: unknown stage oaep-wrap; missing stage exit; its demo's stages are "
        + "connect, send, eavesdrop, two-sends, exit")
  }

  @Test("an unknown demo is reported with the ones that exist")
  func unknownDemo() {
    #expect(
      throws: LessonError.unknownDemo(
        file: "09-test.md", demo: "quantum", available: Walkthroughs.all.map { $0.demoName })
    ) {
      try Self.lesson([], demo: "quantum")
    }
  }

  @Test("a placeholder the stage does not fill is reported with the ones it does")
  func unknownPlaceholder() {
    #expect {
      try Self.lesson(Self.plaintextStages, extra: "{{nonce}}")
    } throws: { error in
      "\(error)" == "09-test.md: stage `connect` uses {{nonce}}, which it does not fill; "
        + "it fills {{server_address}}, {{client_address}}"
    }
  }
}
