import ArgumentParser
import LearnchatLessons

/// `learnchat lessons`: lists the lessons with their stages.
struct LessonsCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "lessons", abstract: "List the lessons: number, title, stages.")

  @OptionGroup var source: LessonSourceOptions

  func run() throws {
    try CommandFailure.reporting {
      let library = try source.library()
      var output = "Lessons from \(library.source):\n"
      for lesson in try library.lessons() {
        output += "\n  \(lesson.number)  \(lesson.text.title)\n"
        output += "     stages: \(lesson.stages.map(\.id).joined(separator: ", "))\n"
      }
      output += "\nRun one with: learnchat lesson N [--step]\n"
      StandardOutput.write(output)
    }
  }
}
