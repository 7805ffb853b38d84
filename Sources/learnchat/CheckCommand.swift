import ArgumentParser
import Glibc
import LearnchatLessons
import LearnchatWire

/// `learnchat check N`: judges an answer against the material of the learner's seed.
struct CheckCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "check",
    abstract: "Check an exercise's answer: exit 0 when right, 1 when not yet.",
    discussion: """
      The answer is judged against the material made from the seed remembered for the \
      exercise (or --seed, to grade a student's). A wrong answer is never corrected outright: \
      learnchat says what it is where it can tell, and which lesson stage to re-read. \
      Hex may be given with or without spaces or colons, in any case; text with or without a \
      line end. With --live, learnchat starts a demo-2 server on --server-port and, once your \
      program listens on --proxy-port, a client that connects to it and chats; your program \
      sits in between, connecting to the server for each client.
      """)

  @Argument(help: "The exercise's number.")
  var number: Int

  @Argument(help: "The answer (quote it if it has spaces).")
  var answer: String?

  @Option(help: ArgumentHelp("Read the answer (or the frame) from this file.", valueName: "FILE"))
  var file: String?

  @Option(help: "Judge against the material of this seed (an instructor grading).")
  var seed: String?

  @Flag(help: "Run the exercise live through your own program.")
  var live = false

  @Option(help: "With --live: where your program listens (default 5002).")
  var proxyPort: UInt16?

  @Option(help: "With --live: where learnchat's server listens (default 5003).")
  var serverPort: UInt16?

  @Option(help: "With --live: seconds to wait for your program, and for each frame (default 20).")
  var timeout: Double?

  @OptionGroup var source: ExerciseSourceOptions

  func validate() throws {
    if answer != nil && file != nil {
      throw ValidationError("give the answer or --file, not both")
    }
    if live && (answer != nil || file != nil) {
      throw ValidationError("--live runs your program; give no answer or --file with it")
    }
    if !live && (proxyPort != nil || serverPort != nil || timeout != nil) {
      throw ValidationError("--proxy-port, --server-port and --timeout go with --live")
    }
    if let timeout, !(timeout > 0 && timeout <= 3600) {
      throw ValidationError("--timeout must be a number of seconds between 0 and 3600")
    }
    let options = liveOptions
    if options.proxyPort == options.serverPort || options.proxyPort == 0
      || options.serverPort == 0
    {
      throw ValidationError("--proxy-port and --server-port must be two different ports, not 0")
    }
  }

  private var liveOptions: LiveOptions {
    let defaults = LiveOptions()
    return LiveOptions(
      proxyPort: proxyPort ?? defaults.proxyPort, serverPort: serverPort ?? defaults.serverPort,
      timeout: timeout ?? defaults.timeout)
  }

  func run() throws {
    let exercise = try source.exercise(number, for: Self.self)
    if let mismatch = mismatch(exercise.checker.submission) {
      throw UsageError.report(mismatch, for: Self.self)
    }
    let ledger = ExerciseLedger(store: LessonCommand.progressStore())
    let remembered = ledger.state(number)?.seed
    guard let seedText = seed ?? remembered else {
      StandardError.write(
        "learnchat: you have no material for exercise \(number) yet: run `learnchat exercise "
          + "\(number)` first (or give the --seed it was made from)\n")
      throw ExitCode.failure
    }
    try CommandFailure.reporting {
      let submission = try self.submission()
      let made = try exercise.make(seed: seedText)
      let result = try made.check(submission) { StandardOutput.write($0 + "\n") }
      if seedText == remembered { ledger.recordCheck(number, seed: seedText, result: result) }
      StandardOutput.write(report(result, exercise: exercise, ledger: ledger, seed: seedText))
      if !result.isRight { throw ExitCode.failure }
    }
  }

  /// Why the arguments do not suit an exercise that takes `kind`, if they do not.
  private func mismatch(_ kind: SubmissionKind) -> String? {
    let given = answer != nil || file != nil
    switch kind {
    case .text where !given, .file where !given:
      let what = kind == .text ? "ANSWER (or --file FILE)" : "--file FILE (or the bytes as hex)"
      return live
        ? "exercise \(number) is not checked live: give \(what)"
        : "exercise \(number) needs an answer: learnchat check \(number) \(what)"
    case .live where !live:
      return
        "exercise \(number) is checked live: run your program, then learnchat check \(number) --live"
    case .liveThenText where !live && !given:
      return "exercise \(number) needs --live (to run your program) or the secret you found"
    default:
      return nil
    }
  }

  /// What was handed in, read from the arguments.
  private func submission() throws -> Submission {
    if live { return .live(liveOptions) }
    if let answer { return .text(answer) }
    guard let file else { preconditionFailure("validated: an answer, a file or --live") }
    return .file(name: file, bytes: try Self.read(file))
  }

  /// The largest file read as an answer: a frame or a line of text is far smaller.
  static let maximumFileSize = 1 << 20

  private static func read(_ path: String) throws(AnswerFileError) -> [UInt8] {
    do {
      return try SystemFile.read(path, limit: maximumFileSize)
    } catch  where error.errno == EFBIG {
      throw AnswerFileError(path: path, reason: "it is over \(maximumFileSize) bytes")
    } catch {
      throw AnswerFileError(path: path, reason: error.message)
    }
  }

  /// The verdict as the learner reads it.
  private func report(
    _ result: CheckResult, exercise: Exercise, ledger: ExerciseLedger, seed: String
  ) -> String {
    var lines: [String] = []
    if seed != ledger.state(number)?.seed {
      lines.append("(Judged with seed \(ShellWord.quoted(seed)); nothing recorded.)")
    }
    let heading = result.isRight ? (result.completes ? "Right." : "Right so far.") : "Not yet."
    lines.append("\(heading) \(result.message)")
    lines += result.evidence
    if result.isRight {
      if result.completes, ledger.state(number)?.done == true {
        let record = ledger.store?.load() ?? ProgressRecord()
        let done = record.exercises.values.filter(\.done).count
        lines.append("Exercise \(number) is done (\(done) done in all; see learnchat progress).")
      }
    } else {
      let reread = result.reread ?? (exercise.text.lesson, exercise.text.stage)
      lines.append(
        "Re-read lesson \(reread.lesson), stage \(reread.stage): "
          + Exercise.rereadCommand(lesson: reread.lesson, stage: reread.stage))
      let shown = ledger.state(number)?.hintsShown ?? 0
      let hints = exercise.text.hints.count
      if shown < hints {
        lines.append("A hint: learnchat hint \(number) (\(shown) of \(hints) seen)")
      }
    }
    return lines.joined(separator: "\n") + "\n"
  }
}

/// An answer file that could not be read.
struct AnswerFileError: Error, CustomStringConvertible {
  let path: String
  let reason: String
  var description: String { "cannot read \(path): \(reason)" }
}
