import ArgumentParser
import Foundation
import LearnchatLessons

/// `learnchat lesson N`: runs a lesson's demo stage by stage, showing text and bytes.
struct LessonCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "lesson",
    abstract: "Run a lesson: both peers in one process, every stage explained with its bytes.")

  @Argument(help: "The lesson's number (see `learnchat lessons`).")
  var number: Int

  @Flag(help: "Pause after each stage: Enter goes on, q then Enter quits.")
  var step = false

  @Option(help: "Take every random value from this seed, so runs repeat exactly (teaching only).")
  var seed: String?

  @Option(help: ArgumentHelp("Also write the whole lesson as one HTML page.", valueName: "FILE"))
  var html: String?

  @Option(
    help: ArgumentHelp(
      "Write keys, frames and transcript.json into this folder.", valueName: "DIR"))
  var export: String?

  @OptionGroup var source: LessonSourceOptions
  @OptionGroup var display: DisplayOptions

  func validate() throws {
    try display.validate()
  }

  func run() throws {
    let lesson: Lesson
    do {
      lesson = try source.library().lesson(number)
    } catch let error as LessonError {
      if case .noSuchLesson = error {
        // A wrong number is a usage error: say so, with this command's usage, status 64.
        let usage = Learnchat.usageString(for: LessonCommand.self)
        StandardError.write("Error: \(error)\nUsage: \(usage)\n")
        throw ExitCode.validationFailure
      }
      throw CommandFailure.report(error)
    }
    try CommandFailure.reporting {
      InterruptHandling.install()
      // Asked again at each stage: without --width, a terminal resized mid-lesson is followed.
      let presenter = TerminalPresenter(
        currentSettings: display.settingsProvider(), full: display.full,
        write: StandardOutput.write)
      let stepper = Stepper(enabled: step, prompt: presenter.showPause)
      let run = try LessonRunner(
        lesson: lesson, seed: seed, presenter: presenter, stepper: stepper
      ).run()
      if let html {
        try Data(HTMLPage.render(run).utf8).write(to: URL(fileURLWithPath: html))
        StandardError.write("learnchat: wrote \(html)\n")
      }
      if let export {
        let files = try ExportWriter.write(run, to: export)
        StandardError.write("learnchat: wrote \(files.count) files to \(export)\n")
      }
    }
  }
}
