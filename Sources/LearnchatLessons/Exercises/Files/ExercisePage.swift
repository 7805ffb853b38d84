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
    return render(
      exercise.fill(text.introduction, material: material, folder: folder) + "\n"
        + exercise.fill(text.task, material: material, folder: folder))
  }

  /// Hint `index` (from 0) of `exercise`, headed with its number.
  public func hint(_ exercise: Exercise, index: Int) -> String {
    let hints = exercise.text.hints
    let values = [
      "dir": MaterialWriter.defaultFolder(exercise.number), "number": String(exercise.number),
    ]
    return render(
      "**Hint \(index + 1) of \(hints.count)** for exercise \(exercise.number):\n\n"
        + Placeholders.fill(hints[index], with: values))
  }

  /// `markdown` laid out at the prose measure.
  public func render(_ markdown: String) -> String {
    TerminalMarkdownRenderer(
      width: min(settings.width, PageStyle.proseMeasure), colors: settings.colors,
      theme: settings.theme
    ).render(MarkdownDocument(parsing: markdown))
  }
}
