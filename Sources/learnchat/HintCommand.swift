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
      // Without a state folder nothing is remembered: the first hint, every time.
      let shown =
        before >= hints
        ? hints : ledger.store == nil ? 1 : try ledger.showHint(number, available: hints)
      // A hint may name the learner's own values (a length, a frame): they come from the
      // material of the seed handed out, made again.
      let material = try ledger.state(number).map { try exercise.make(seed: $0.seed).material }
      let folder = MaterialWriter.defaultFolder(number)
      func hint(_ index: Int) -> String {
        page.hint(exercise, index: index, material: material, folder: folder)
      }
      if before >= hints {
        var output = "You have seen all \(hints) hints of exercise \(number):\n\n"
        for index in 0..<hints { output += hint(index) + "\n" }
        StandardOutput.write(output)
        return
      }
      var output = hint(shown - 1)
      output +=
        shown < hints
        ? "\n\(shown) of \(hints) hints seen; run learnchat hint \(number) again for the next.\n"
        : "\nThat was the last hint.\n"
      StandardOutput.write(output)
    }
  }
}
