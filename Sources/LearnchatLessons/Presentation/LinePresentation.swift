#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// Shows a lesson as lines written one after another: to a pipe or a file, to a terminal
/// without `--step`, and with `--step` when standard input is not a terminal (then it reads one
/// line per pause).
public final class LinePresentation: LessonPresentation {
  private let style: @Sendable () -> PageStyle
  private let write: @Sendable (String) -> Void
  private let pauser: LinePauser?
  private let start: Int
  private let places: LessonPlaces

  /// A presentation writing through `write`, laid out by `style` (asked again for each page,
  /// so a resized terminal is followed), pausing through `pauser` when stepping. Stages before
  /// `start` run without being shown; `places` records how far the user got.
  public init(
    style: @escaping @Sendable () -> PageStyle, write: @escaping @Sendable (String) -> Void,
    pauser: LinePauser?, start: Int = 0, places: LessonPlaces
  ) {
    self.style = style
    self.write = write
    self.pauser = pauser
    self.start = start
    self.places = places
  }

  public func begin(_ run: LessonRun) {
    let renderer = StagePageRenderer(style: style())
    // The introduction belongs before the first stage; a run that starts later only repeats
    // the warning that it is seeded.
    let page = renderer.introduction(run.lesson, seed: run.seed, withText: start == 0)
    guard !page.body.isEmpty else { return }
    write(page.body.joined(separator: "\n") + "\n")
  }

  public func stageRan(index: Int, in run: LessonRun) -> StageDecision {
    guard index >= start, let report = run.reports.last else { return .proceed }
    let style = style()
    let page = StagePageRenderer(style: style).stage(
      report, in: run.lesson, number: index + 1, of: run.lesson.stages.count)
    let heading = page.headingLines(width: style.contentWidth, painter: style.settings.painter)
    let margin = String(repeating: " ", count: style.margin)
    write(
      "\n" + heading.map { margin + $0 }.joined(separator: "\n") + "\n\n"
        + page.body.joined(separator: "\n") + "\n")
    places.viewed(stage: index)
    // A pause after every stage shown, the last too when the summary follows it.
    let summaryFollows =
      index == run.lesson.stages.count - 1 && !run.lesson.text.summary.isEmpty
    guard index < run.range.upperBound || summaryFollows, let pauser else { return .proceed }
    return pauser.pause {
      write(style.settings.painter.paint("── Enter: next stage · q, Enter: quit ──", .muted) + " ")
    }
  }

  public func end(_ run: inout LessonRun) {
    let style = style()
    if let stopped = run.stoppedAt {
      write("\n" + places.stopLine(stoppedAt: stopped) + "\n")
    } else if run.reachedSummary {
      places.finished()
      let page = StagePageRenderer(style: style).summary(run.lesson)
      guard !page.body.isEmpty else { return }
      let heading = page.headingLines(width: style.contentWidth, painter: style.settings.painter)
      write(
        "\n" + heading.joined(separator: "\n") + "\n\n" + page.body.joined(separator: "\n") + "\n")
    }
  }
}

/// Pauses between stages when `--step` reads lines: Enter goes on, `q` then Enter quits.
///
/// It only reads lines, so the terminal stays in its normal mode and there is nothing to
/// restore. At the end of input it stops pausing and runs to the end, so a pipe can never make
/// it hang.
public final class LinePauser {
  private let readLine: () -> String?
  private var inputEnded = false

  /// A pauser calling `readLine` to wait for an answer (nil at end of input).
  public init(readLine: @escaping () -> String? = { Swift.readLine(strippingNewline: true) }) {
    self.readLine = readLine
  }

  /// Shows the pause line through `prompt` and waits for a line; returns whether to go on.
  /// After the end of input it neither prompts nor waits.
  public func pause(prompt: () -> Void) -> StageDecision {
    guard !inputEnded else { return .proceed }
    prompt()
    guard let line = readLine() else {
      inputEnded = true
      return .proceed
    }
    let answer = line.trimmingWhiteSpace().lowercased()
    return answer == "q" || answer == "quit" ? .stop : .proceed
  }
}
