import ArgumentParser
import LearnchatLessons

/// `learnchat progress`: what is done, across lessons and exercises; `--reset` forgets it all.
struct ProgressCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "progress",
    abstract: "Show what is done, across lessons and exercises (--reset forgets it all).")

  @Flag(help: "Forget every lesson's place and every exercise's seed, hints and result.")
  var reset = false

  @OptionGroup var lessons: LessonSourceOptions
  @OptionGroup var exercises: ExerciseSourceOptions

  func run() throws {
    try CommandFailure.reporting {
      guard let store = LessonCommand.progressStore() else {
        throw ProgressUnavailable()
      }
      if reset {
        store.reset()
        StandardOutput.write(
          "Progress reset: lessons' places and exercises' seeds, hints and results are "
            + "forgotten (\(store.path)).\n")
        return
      }
      let width = TerminalSettings.current(colorMode: .never, requestedWidth: nil).width
      let record = store.load()
      let lessonList = try lessons.library().lessons()
      let exerciseList = try exercises.library().exercises()
      let finished = lessonList.filter { record.place(ofLesson: $0.number)?.finished == true }
      let done = exerciseList.filter { record.state(ofExercise: $0.number)?.done == true }
      var output = "Lessons: \(finished.count) of \(lessonList.count) finished\n"
      for lesson in lessonList {
        let words = LessonsCommand.progress(record.place(ofLesson: lesson.number), lesson)
        let lines = WrappedText.lines(
          "\(lesson.text.title): \(words)", width: width,
          firstPrefix: "  \(lesson.number)  ", restPrefix: "     ")
        output += lines.joined(separator: "\n") + "\n"
      }
      output += "\nExercises: \(done.count) of \(exerciseList.count) done\n"
      // One line each, as the lessons: `learnchat exercises` says what each follows.
      let digits = String(exerciseList.map(\.number).max() ?? 0).count
      for exercise in exerciseList {
        let number = String(exercise.number)
        let padded = String(repeating: " ", count: digits - number.count) + number
        let words = ExerciseListing.progress(record.state(ofExercise: exercise.number), exercise)
        let lines = WrappedText.lines(
          "\(exercise.text.title) — \(words)", width: width, firstPrefix: "  \(padded)  ",
          restPrefix: String(repeating: " ", count: digits + 4))
        output += lines.joined(separator: "\n") + "\n"
      }
      output += "\nKept in \(store.path); learnchat progress --reset forgets it.\n"
      StandardOutput.write(output)
    }
  }
}

/// No state folder: nothing can be shown or reset.
struct ProgressUnavailable: Error, CustomStringConvertible {
  var description: String {
    "no state folder (neither XDG_STATE_HOME nor HOME is set), so no progress is kept"
  }
}
