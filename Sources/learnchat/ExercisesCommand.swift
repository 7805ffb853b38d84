import ArgumentParser
import LearnchatLessons

/// `learnchat exercises`: lists the exercises with the lesson each follows and how far the
/// learner got.
struct ExercisesCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "exercises",
    abstract: "List the exercises: number, title, the lesson each follows, done or not.")

  @OptionGroup var source: ExerciseSourceOptions

  func run() throws {
    try CommandFailure.reporting {
      let width = TerminalSettings.current(colorMode: .never, requestedWidth: nil).width
      let library = try source.library()
      let record = LessonCommand.progressStore()?.load() ?? ProgressRecord()
      let exercises = try library.exercises()
      var output = "Exercises from \(library.source):\n"
      output += ExerciseListing.lines(exercises, record: record, width: width)
      output +=
        "\nStart one with: learnchat exercise N. Check an answer with: learnchat check N ANSWER."
        + "\nStuck? learnchat hint N shows one more hint each time.\n"
      StandardOutput.write(output)
    }
  }
}

/// The exercises, each with the lesson it follows and the learner's progress, for
/// `exercises` and `progress`.
enum ExerciseListing {
  static func lines(_ exercises: [Exercise], record: ProgressRecord, width: Int) -> String {
    var output = ""
    // Numbers right-aligned, so that titles and details line up past exercise 9.
    let digits = String(exercises.map(\.number).max() ?? 0).count
    let indent = String(repeating: " ", count: digits + 4)
    for exercise in exercises {
      let number = String(exercise.number)
      let padded = String(repeating: " ", count: digits - number.count) + number
      output += "\n  \(padded)  \(exercise.text.title)\n"
      let follows = "lesson \(exercise.text.lesson), stage \(exercise.text.stage)"
      let progress = Self.progress(record.state(ofExercise: exercise.number), exercise)
      for (label, text) in [("follows:  ", follows), ("progress: ", progress)] {
        let lines = WrappedText.lines(
          text, width: width, firstPrefix: indent + label,
          restPrefix: indent + String(repeating: " ", count: label.count))
        output += lines.joined(separator: "\n") + "\n"
      }
    }
    return output
  }

  /// How far the learner got in `exercise`, in a few words.
  static func progress(_ state: ProgressRecord.ExerciseState?, _ exercise: Exercise) -> String {
    guard let state else { return "not started" }
    var words = state.done ? "done" : "started"
    var details = ["seed \(state.seed)"]
    if state.attempts > 0 {
      details.append(state.attempts == 1 ? "1 check" : "\(state.attempts) checks")
    }
    let hints = exercise.text.hints.count
    if state.hintsShown > 0 { details.append("\(state.hintsShown) of \(hints) hints") }
    words += " (" + details.joined(separator: ", ") + ")"
    return words
  }
}
