import LearnchatCrypto
import LearnchatWire

/// Everything one run of a lesson produced, for the HTML page and the export.
public struct LessonRun: Sendable {
  /// The lesson that ran.
  public let lesson: Lesson
  /// The seed, when the run was seeded.
  public let seed: String?
  /// The stages shown (`--from` ... `--to`), as indexes into `lesson.stages`.
  public let range: ClosedRange<Int>
  /// The report of each stage in `range` that ran, in order.
  public var reports: [StageReport] = []
  /// Where the user quit, as an index into `lesson.stages`; nil when the run was not stopped.
  public var stoppedAt: Int?

  /// A run of `lesson` showing `range`.
  public init(lesson: Lesson, seed: String?, range: ClosedRange<Int>) {
    self.lesson = lesson
    self.seed = seed
    self.range = range
  }

  /// Whether the user stopped the run before the end of its range.
  public var stoppedEarly: Bool { stoppedAt != nil }

  /// The files the shown stages offer for export.
  public var artifacts: [Artifact] { reports.flatMap(\.artifacts) }

  /// Whether the run went through the lesson's last stage, so its summary belongs after it.
  public var reachedSummary: Bool {
    !stoppedEarly && range.upperBound == lesson.stages.count - 1
      && reports.last?.stage == lesson.stages.last
  }

  /// The 1-based number of `report`'s stage in its lesson (6 in `6/13`).
  public func number(of report: StageReport) -> Int {
    (lesson.stages.firstIndex(of: report.stage) ?? 0) + 1
  }
}

/// Shows a lesson as its demo runs: the line printer, or the full-screen stepper.
public protocol LessonPresentation: AnyObject {
  /// Called once, before the demo starts.
  func begin(_ run: LessonRun)
  /// Stage `index` (into `run.lesson.stages`) has run and is in the shown range; `run.reports`
  /// already ends with its report. Returns whether the demo goes on.
  func stageRan(index: Int, in run: LessonRun) -> StageDecision
  /// Called once, when the demo has ended or been stopped; a presentation may still show
  /// pages (the stepper lets the user go back) and may record where the user quit.
  func end(_ run: inout LessonRun)
  /// Called instead of `end` when the demo failed with an error, before it is reported.
  func failed()
}

extension LessonPresentation {
  public func failed() {}
}

/// Runs a lesson: the walkthrough drives the demo over one real loopback connection, and after
/// each stage the presentation shows it. Stages before the range run silently, because later
/// stages need their state; stages after it do not run at all.
public struct LessonRunner {
  let lesson: Lesson
  let seed: String?
  let range: ClosedRange<Int>
  let presentation: any LessonPresentation
  let capture: CaptureLog?

  /// A runner that shows the stages `range` (indexes into `lesson.stages`; all by default) of
  /// `lesson` through `presentation`.
  public init(
    lesson: Lesson, seed: String?, range: ClosedRange<Int>? = nil,
    presentation: any LessonPresentation, capture: CaptureLog? = nil
  ) {
    self.capture = capture
    self.lesson = lesson
    self.seed = seed
    self.range = range ?? 0...(lesson.stages.count - 1)
    self.presentation = presentation
  }

  /// Runs the demo through the end of the range, or until the user quits.
  public func run() throws -> LessonRun {
    let context = try seed.map { try CryptoContext.seeded($0) } ?? .system
    var run = LessonRun(lesson: lesson, seed: seed, range: range)
    presentation.begin(run)
    var walkthrough = lesson.walkthrough.init(context: context, hidingPorts: seed != nil)
    walkthrough.capture = capture
    do {
      try runWalkthrough(walkthrough, into: &run)
    } catch {
      presentation.failed()
      throw error
    }
    presentation.end(&run)
    return run
  }

  private func runWalkthrough(_ walkthrough: any Walkthrough, into run: inout LessonRun) throws {
    try walkthrough.run { report in
      guard let index = lesson.stages.firstIndex(of: report.stage), index >= range.lowerBound
      else { return .proceed }
      run.reports.append(report)
      if presentation.stageRan(index: index, in: run) == .stop {
        run.stoppedAt = index
        return .stop
      }
      // Nothing after the range is shown, so nothing after it needs to run.
      return index >= range.upperBound ? .stop : .proceed
    }
  }
}
