/// An exercise's text rendered for the terminal, as lessons' text is: Markdown from cmark,
/// laid out by our own renderer at a readable measure.
public struct ExercisePage: Sendable {
  /// Colours, theme and width.
  public let settings: TerminalSettings

  /// Pages for `settings`.
  public init(settings: TerminalSettings) {
    self.settings = settings
  }

  /// The introduction and the task, values filled in.
  public func task(_ exercise: Exercise, material: ExerciseMaterial, folder: String) -> String {
    let text = exercise.text
    let parts = [text.introductionDocument, text.taskDocument].map {
      exercise.filling($0, material: material, folder: folder)
    }
    return render(MarkdownDocument(blocks: parts.flatMap(\.blocks)))
  }

  /// Hint `index` (from 0) of `exercise`, headed with its number, filled with `material`'s
  /// values when it is known; `folder` is where the material was written.
  public func hint(
    _ exercise: Exercise, index: Int, material: ExerciseMaterial?, folder: String
  ) -> String {
    let count = exercise.text.hintDocuments.count
    let heading: [MarkdownInline] = [
      .strong([.text("Hint \(index + 1) of \(count)")]),
      .text(" for exercise \(exercise.number):"),
    ]
    let hint = exercise.filling(
      exercise.text.hintDocuments[index], material: material, folder: folder)
    let headingNode = MarkdownBlockNode(block: .paragraph(heading), startLine: 1, endLine: 1)
    return render(MarkdownDocument(blocks: [headingNode] + hint.blocks))
  }

  /// `document` laid out at the prose measure.
  func render(_ document: MarkdownDocument) -> String {
    TerminalMarkdownRenderer(
      width: min(settings.width, PageStyle.proseMeasure), colors: settings.colors,
      theme: settings.theme
    ).render(document)
  }
}
