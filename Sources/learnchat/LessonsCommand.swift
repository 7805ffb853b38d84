import ArgumentParser
import LearnchatLessons

/// `learnchat lessons`: lists the lessons with their stages and how far the learner got.
struct LessonsCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "lessons", abstract: "List the lessons: number, title, stages, how far you got.")

  @OptionGroup var source: LessonSourceOptions

  func run() throws {
    try CommandFailure.reporting {
      // Wrapped like every other line learnchat prints: to the terminal, COLUMNS, or 80.
      let width = TerminalSettings.current(colorMode: .never, requestedWidth: nil).width
      let library = try source.library()
      let record = LessonCommand.progressStore()?.load() ?? ProgressRecord()
      var output = "Lessons from \(library.source):\n"
      for lesson in try library.lessons() {
        output += "\n  \(lesson.number)  \(lesson.text.title)\n"
        let stages = lesson.stages.map(\.id).joined(separator: ", ")
        let progress = Self.progress(record.place(ofLesson: lesson.number), lesson)
        for (label, text) in [("stages:   ", stages), ("progress: ", progress)] {
          let lines = WrappedText.lines(
            text, width: width, firstPrefix: "     " + label, restPrefix: "               ")
          output += lines.joined(separator: "\n") + "\n"
        }
      }
      output += "\nRun one with: learnchat lesson N [--step]; come back with --resume.\n"
      StandardOutput.write(output)
    }
  }

  /// How far the learner got in `lesson`, in a few words.
  static func progress(_ place: ProgressRecord.LessonPlace?, _ lesson: Lesson) -> String {
    guard let place else { return "not started" }
    let count = lesson.stages.count
    let current = lesson.stages.firstIndex { $0.id == place.stage }.map { $0 + 1 }
    var words =
      place.finished ? "finished" : "furthest stage \(min(place.furthest, count))/\(count)"
    if let current, !(place.finished && current == count) {
      words += "; last at \(current)/\(count) (\(place.stage))"
    }
    return words
  }
}
