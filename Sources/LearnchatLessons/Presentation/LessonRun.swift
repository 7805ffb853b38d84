import LearnchatCrypto

/// Everything one run of a lesson produced, for the HTML page and the export.
public struct LessonRun: Sendable {
  /// The lesson that ran.
  public let lesson: Lesson
  /// The seed, when the run was seeded.
  public let seed: String?
  /// Each stage's report, in order, as far as the run got.
  public var reports: [StageReport] = []
  /// The files the demo offered for export.
  public var artifacts: [Artifact] = []
  /// Whether the user stopped the run before its end.
  public var stoppedEarly = false
}

/// Runs a lesson: the walkthrough drives the demo, and after each stage the presenter shows it
/// and the stepper may pause.
public struct LessonRunner {
  let lesson: Lesson
  let seed: String?
  let presenter: TerminalPresenter
  let stepper: Stepper

  /// A runner that shows `lesson` with `presenter`, pausing through `stepper`.
  public init(lesson: Lesson, seed: String?, presenter: TerminalPresenter, stepper: Stepper) {
    self.lesson = lesson
    self.seed = seed
    self.presenter = presenter
    self.stepper = stepper
  }

  /// Runs the lesson to its end, or until the user quits at a pause.
  public func run() throws -> LessonRun {
    let context = try seed.map { try CryptoContext.seeded($0) } ?? .system
    var run = LessonRun(lesson: lesson, seed: seed)
    presenter.showIntroduction(lesson, seed: seed)
    let walkthrough = lesson.walkthrough.init(context: context, hidingPorts: seed != nil)
    let total = lesson.stages.count
    run.artifacts = try walkthrough.run { report in
      run.reports.append(report)
      presenter.show(report, in: lesson, number: run.reports.count, of: total)
      guard run.reports.count < total else { return .proceed }
      if stepper.pause() == .stop {
        run.stoppedEarly = true
        return .stop
      }
      return .proceed
    }
    if run.stoppedEarly {
      presenter.showStopped()
    } else {
      presenter.showSummary(lesson)
    }
    return run
  }
}
