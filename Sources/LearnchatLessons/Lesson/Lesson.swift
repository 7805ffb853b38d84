/// A lesson ready to run: its number, its file's text, and the walkthrough it drives.
public struct Lesson: Sendable {
  /// The number in its file name (`02-handshake.md` is lesson 2).
  public let number: Int
  /// The file name, or the built-in name, for messages.
  public let fileName: String
  /// The file, split into parts.
  public let text: LessonText
  /// The demo the lesson runs.
  public let walkthrough: any Walkthrough.Type

  /// Checks `text` against its demo: the demo exists, the stages match one to one, and every
  /// placeholder is one its stage fills.
  public init(number: Int, fileName: String, text: LessonText) throws(LessonError) {
    guard let walkthrough = Walkthroughs.named(text.demo) else {
      throw .unknownDemo(
        file: fileName, demo: text.demo, available: Walkthroughs.all.map { $0.demoName })
    }
    let expected = walkthrough.stages.map(\.id)
    let written = text.sections.map(\.stage)
    let unknown = written.filter { !expected.contains($0) }
    let missing = expected.filter { !written.contains($0) }
    guard unknown.isEmpty, missing.isEmpty else {
      throw .stageMismatch(file: fileName, unknown: unknown, missing: missing, expected: expected)
    }
    for stage in walkthrough.stages {
      let names = text.section(for: stage.id)?.document.placeholderNames ?? []
      for name in names where !stage.placeholders.contains(name) {
        throw .unknownPlaceholder(
          file: fileName, stage: stage.id, name: name, available: stage.placeholders)
      }
    }
    let fixedParts = [
      ("introduction", text.introductionDocument), ("summary", text.summaryDocument),
    ]
    for (part, document) in fixedParts {
      if let name = document.placeholderNames.first {
        throw .unknownPlaceholder(file: fileName, stage: part, name: name, available: [])
      }
    }
    self.number = number
    self.fileName = fileName
    self.text = text
    self.walkthrough = walkthrough
  }

  /// The stage definitions, in order.
  public var stages: [StageDefinition] { walkthrough.stages }

  /// The text for `stage` with its placeholders filled from `values`, as text in the tree:
  /// a value never changes the markup around it.
  public func document(for stage: StageDefinition, values: [String: String]) -> MarkdownDocument {
    text.section(for: stage.id)?.document.filling(values) ?? MarkdownDocument(blocks: [])
  }
}
