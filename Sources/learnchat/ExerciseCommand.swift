import ArgumentParser
import LearnchatLessons

/// `learnchat exercise N`: writes the exercise's material and prints its task.
struct ExerciseCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "exercise",
    abstract: "Print an exercise's task and write its material (captures, keys, frames).",
    discussion: """
      The material comes from a seed: a fresh one the first time, remembered in the state \
      folder so that `learnchat check N` knows the expected answer. --seed NAME gives the \
      material of that seed instead (an instructor hands each student their own) and \
      remembers it; with --answer, the expected answer for that seed is printed instead, \
      and nothing is written or remembered.
      """)

  @Argument(help: "The exercise's number (see `learnchat exercises`).")
  var number: Int

  @Option(
    help: ArgumentHelp(
      "Where to write the material (default ./learnchat-exercise-N).", valueName: "DIR"))
  var dir: String?

  @Option(help: "Make the material from this seed (and remember it for check).")
  var seed: String?

  @Flag(help: "For instructors: print the expected answer for --seed, and nothing else.")
  var answer = false

  @OptionGroup var source: ExerciseSourceOptions
  @OptionGroup var display: TextDisplayOptions

  func validate() throws {
    if answer && seed == nil {
      throw ValidationError(
        "--answer prints the expected answer for an instructor's seed: give --seed NAME too")
    }
    if answer && dir != nil {
      throw ValidationError("--answer writes no material: leave out --dir")
    }
    if let seed, seed.isEmpty { throw ValidationError("--seed needs a name, not an empty one") }
  }

  func run() throws {
    let exercise = try source.exercise(number, for: Self.self)
    try CommandFailure.reporting {
      if answer, let seed {
        let made = try exercise.make(seed: seed)
        StandardOutput.write(
          "Exercise \(number), seed \(ShellWord.quoted(seed)): \(made.material.answer)\n")
        return
      }
      let folder = dir ?? MaterialWriter.defaultFolder(number)
      // Checked before anything is remembered: a typo in --dir must not change the seed.
      try MaterialWriter.prepare(folder)
      let ledger = ExerciseLedger(store: LessonCommand.progressStore())
      let seedText = try ledger.handOut(number, requested: seed)
      if ledger.store == nil {
        StandardError.write(
          "learnchat: no state folder (neither XDG_STATE_HOME nor HOME is set): the seed is "
            + "not remembered; check with --seed \(ShellWord.quoted(seedText))\n")
      }
      let made = try exercise.make(seed: seedText)
      let written = try MaterialWriter.write(made.material, to: folder)
      let page = ExercisePage(settings: display.settings())
      var output = page.task(exercise, material: made.material, folder: folder)
      output += "\n" + Self.footer(exercise, seed: seedText, folder: folder, files: written)
      StandardOutput.write(output)
    }
  }

  /// Where the material is, how to check, where to get a hint, what to re-read.
  static func footer(_ exercise: Exercise, seed: String, folder: String, files: [String])
    -> String
  {
    let number = exercise.number
    let check: String
    switch exercise.checker.submission {
    case .text: check = "learnchat check \(number) ANSWER"
    case .file: check = "learnchat check \(number) --file FILE"
    case .live: check = "learnchat check \(number) --live"
    case .liveThenText:
      check = "learnchat check \(number) --live, then learnchat check \(number) ANSWER"
    }
    let hints = exercise.text.hints.count
    return """
      Material (seed \(ShellWord.quoted(seed))): \(files.joined(separator: ", ")) in \(folder)
      Check:  \(check)
      Hints:  learnchat hint \(number) (\(hints) in all, one at a time)
      Lesson: lesson \(exercise.text.lesson), stage \(exercise.text.stage): \(exercise.rereadCommand)

      """
  }
}
