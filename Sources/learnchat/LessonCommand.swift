import ArgumentParser
import LearnchatLessons
import LearnchatWire

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

extension PageStyle.Layout: ExpressibleByArgument {}

/// `learnchat lesson N`: runs a lesson's demo stage by stage, showing text and bytes.
struct LessonCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "lesson",
    abstract: "Run a lesson: both peers in one process, every stage explained with its bytes.",
    discussion: """
      With --step on a terminal, the lesson is a full-screen stepper: n or Right for the next \
      stage, p or Left for the previous one, Space to scroll, g to go to a stage, l for the \
      list, ? for every key, q to quit. Without a terminal, --step reads one line per pause.
      """)

  @Argument(help: "The lesson's number (see `learnchat lessons`).")
  var number: Int

  @Flag(help: "Step through the stages: full screen on a terminal, one line per pause from a pipe.")
  var step = false

  @Option(help: ArgumentHelp("Show from this stage (a number or a name).", valueName: "STAGE"))
  var from: String?

  @Option(help: ArgumentHelp("Show up to this stage (a number or a name).", valueName: "STAGE"))
  var to: String?

  @Flag(help: "Start at the stage where this lesson was last left.")
  var resume = false

  @Option(help: "Take every random value from this seed, so runs repeat exactly (teaching only).")
  var seed: String?

  @Option(help: ArgumentHelp("Also write the lesson as one HTML page.", valueName: "FILE"))
  var html: String?

  @Option(
    help: ArgumentHelp(
      "Write keys, frames and transcript.json into this folder.", valueName: "DIR"))
  var export: String?

  @Option(
    help: ArgumentHelp(
      "Also record the lesson's connections in a capture file (pcapng) for Wireshark.",
      valueName: "FILE"))
  var pcap: String?

  @Option(
    help:
      "Dumps beside the text (side), below it (stacked), or side by side from 160 columns (auto).")
  var layout: PageStyle.Layout = .auto

  @Flag(help: "For a projector: the stepper with wide margins, a narrow measure and short dumps.")
  var present = false

  @OptionGroup var source: LessonSourceOptions
  @OptionGroup var display: DisplayOptions

  func validate() throws {
    try display.validate()
    if resume && from != nil {
      throw ValidationError("--resume and --from both say where to start: give one of them")
    }
  }

  func run() throws {
    let lesson = try loadLesson()
    let range: ClosedRange<Int>
    do {
      range = try StageSelection.range(from: from, to: to, in: lesson)
    } catch {
      throw usageError("\(error)")
    }
    try CommandFailure.reporting {
      // Where the results go is checked first: a typo must not cost the whole lesson.
      if let html { try OutputFile.checkWritable(html) }
      if let export { try ExportWriter.prepare(export) }
      if let pcap { try OutputFile.checkWritable(pcap) }
      InterruptHandling.install()
      let places = LessonPlaces(
        lesson: lesson, store: Self.progressStore(), resumeCommand: resumeCommand())
      var start = from == nil ? nil : range.lowerBound
      if resume {
        let (index, note) = places.resumeIndex()
        StandardError.write(note + "\n")
        start = index.map { max(range.lowerBound, min(range.upperBound, $0)) }
      }
      let capture = pcap.map { path in
        // A seeded run's capture is timed by a clock that steps, not by the wall: the same
        // times on every run, as the bytes are.
        CaptureLog(
          path: path,
          clock: seed == nil
            ? SystemWireClock()
            : SteppingWireClock(
              start: WireTimestamp(secondsSince1970: 1_767_225_600), stepNanoseconds: 1_000_000))
      }
      let run = try LessonRunner(
        lesson: lesson, seed: seed, range: range,
        presentation: presentation(start: start, places: places), capture: capture
      ).run()
      if let capture, let pcap {
        try capture.write()
        StandardError.write("learnchat: wrote \(pcap)\n")
      }
      if let html {
        let page = HTMLPage.render(run, footer: .current(version: LearnchatVersion.current))
        try OutputFile.write(Array(page.utf8), to: html)
        StandardError.write("learnchat: wrote \(html)\n")
      }
      if let export {
        let files = try ExportWriter.write(run, to: export)
        StandardError.write("learnchat: wrote \(files.count) files to \(export)\n")
      }
    }
  }

  /// The full-screen stepper on a terminal; otherwise lines, pausing for a line of input
  /// per stage when stepping from a pipe.
  private func presentation(start: Int?, places: LessonPlaces) -> any LessonPresentation {
    let style = pageStyle()
    let stepping = step || present
    let inputIsTerminal = TerminalDevice.standardInputIsTerminal
    let outputIsTerminal = TerminalDevice.standardOutputIsTerminal
    if stepping && inputIsTerminal && outputIsTerminal {
      return FullScreenStepper(
        style: style, start: start, places: places, write: StandardOutput.write)
    }
    var pauser: LinePauser?
    if stepping && !inputIsTerminal {
      pauser = LinePauser()
    } else if stepping {
      // A pager or a file has the output: pausing would fight it for the keyboard.
      StandardError.write(
        "learnchat: standard output is not a terminal, so --step shows every stage without "
          + "pausing\n")
    }
    return LinePresentation(
      style: style, write: StandardOutput.write, pauser: pauser, start: start ?? 0,
      places: places)
  }

  /// The page style, resolved afresh for each page: a terminal resized mid-lesson is followed.
  private func pageStyle() -> @Sendable () -> PageStyle {
    let settings = display.settingsProvider()
    let layout = layout
    let present = present
    let full = display.full
    return { PageStyle(settings: settings(), layout: layout, present: present, full: full) }
  }

  /// The command that comes back to this lesson where it was left.
  private func resumeCommand() -> String {
    var words = ["learnchat", "lesson", String(number), "--step", "--resume"]
    if let seed { words += ["--seed", seed] }
    if let folder = source.folder { words += ["--lessons", folder] }
    return words.map(ShellWord.quoted).joined(separator: " ")
  }

  private func loadLesson() throws -> Lesson {
    do {
      return try source.library().lesson(number)
    } catch let error as LessonError {
      if case .noSuchLesson = error { throw usageError("\(error)") }
      throw CommandFailure.report(error)
    }
  }

  /// A usage error: the message, this command's usage, status 64.
  private func usageError(_ message: String) -> ExitCode {
    let usage = Learnchat.usageString(for: LessonCommand.self)
    StandardError.write("Error: \(message)\nUsage: \(usage)\n")
    return ExitCode.validationFailure
  }

  /// Where progress is kept, or nil when the environment names no state folder.
  static func progressStore() -> ProgressStore? {
    ProgressStore.defaultPath(environment: ProcessInfo.processInfo.environment).map {
      ProgressStore(path: $0, warn: { StandardError.write("learnchat: \($0)\n") })
    }
  }
}

/// Words for a command line a user can paste into a shell.
enum ShellWord {
  /// `word` as is when it holds only safe characters, else in single quotes.
  static func quoted(_ word: String) -> String {
    let safe = word.allSatisfy {
      $0.isASCII && ($0.isLetter || $0.isNumber || "-_./:=@%+,".contains($0))
    }
    if safe && !word.isEmpty { return word }
    return "'" + word.replacing("'", with: "'\\''") + "'"
  }
}
