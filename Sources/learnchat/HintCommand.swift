import ArgumentParser
import LearnchatLessons

/// `learnchat hint N`: the exercise's next hint, one more each time.
struct HintCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "hint", abstract: "Show an exercise's next hint, one more each time.")

  @Argument(help: "The exercise's number.")
  var number: Int

  @OptionGroup var source: ExerciseSourceOptions
  @OptionGroup var display: TextDisplayOptions

  func run() throws {
    let exercise = try source.exercise(number, for: Self.self)
    try CommandFailure.reporting {
      let ledger = ExerciseLedger(store: LessonCommand.progressStore())
      let hints = exercise.text.hints.count
      let before = ledger.state(number)?.hintsShown ?? 0
      let page = ExercisePage(settings: display.settings())
      if before >= hints {
        var output = "You have seen all \(hints) hints of exercise \(number):\n\n"
        for index in 0..<hints { output += page.hint(exercise, index: index) + "\n" }
        StandardOutput.write(output)
        return
      }
      // Without a state folder nothing is remembered: the first hint, every time.
      let shown = ledger.store == nil ? 1 : try ledger.showHint(number, available: hints)
      var output = page.hint(exercise, index: shown - 1)
      output +=
        shown < hints
        ? "\n\(shown) of \(hints) hints seen; `learnchat hint \(number)` again for the next.\n"
        : "\nThat was the last hint.\n"
      StandardOutput.write(output)
    }
  }
}
