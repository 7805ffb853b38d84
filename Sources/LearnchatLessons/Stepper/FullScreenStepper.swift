/// `--step` on a terminal: one page at a time on the alternate screen, single keys to move
/// forward, back, jump and scroll, the heading always on the first row.
///
/// The demo still runs once, in order, over one loopback connection: when the learner moves to
/// a stage that has not run, `stageRan` returns `.proceed` and the walkthrough runs on until it
/// gets there; going back shows the reports already made. When the demo has ended, `end` keeps
/// the pages open until the learner quits.
public final class FullScreenStepper: LessonPresentation {
  private let style: @Sendable () -> PageStyle
  private let places: LessonPlaces
  private let write: @Sendable (String) -> Void
  private let terminal = TerminalSession()
  private let start: Int?
  private var lesson: Lesson?
  private var seed: String?
  private var model: StepperModel?
  private var reports: [Int: StageReport] = [:]
  private var quitting = false
  private var cache: (key: CacheKey, page: StagePage)?

  private struct CacheKey: Equatable {
    let page: StepperModel.Page
    let style: PageStyle
  }

  /// A stepper laid out by `style` (its width is capped at the terminal's), starting at stage
  /// `start` (an index; nil: the introduction), recording the learner's place in `places` and
  /// writing the line said on quitting through `write`.
  public init(
    style: @escaping @Sendable () -> PageStyle, start: Int?, places: LessonPlaces,
    write: @escaping @Sendable (String) -> Void
  ) {
    self.style = style
    self.start = start
    self.places = places
    self.write = write
  }

  public func begin(_ run: LessonRun) {
    lesson = run.lesson
    seed = run.seed
    let start = start.map { max(run.range.lowerBound, min(run.range.upperBound, $0)) }
    let model = StepperModel(
      stageCount: run.lesson.stages.count, range: run.range,
      start: start.map(StepperModel.Page.stage) ?? .introduction, full: style().full)
    do {
      try terminal.enter()
    } catch {
      // Not a terminal after all (or one that refuses raw mode): nothing can be stepped.
      write("learnchat: \(error)\n")
      quitting = true
      return
    }
    self.model = model
    if start == nil {
      // The introduction needs no stage: read it before the demo starts.
      interact()
    }
  }

  public func stageRan(index: Int, in run: LessonRun) -> StageDecision {
    guard !quitting, var model else { return .stop }
    if let report = run.reports.last { reports[index] = report }
    model.stageDidRun(index)
    self.model = model
    if let pending = model.pendingStage, pending > index {
      drawScreen(running: index + 1 < run.lesson.stages.count ? index + 1 : nil)
      return .proceed
    }
    interact()
    return quitting ? .stop : .proceed
  }

  public func end(_ run: inout LessonRun) {
    if var model, !quitting {
      model.demoDidEnd()
      self.model = model
      interact()
    }
    terminal.leave()
    guard let model, let lesson else { return }
    switch model.page {
    case .stage(let index):
      run.stoppedAt = index
      write(places.stopLine(stoppedAt: index) + "\n")
    case .summary:
      run.stoppedAt = nil
      write("You reached the end of lesson \(lesson.number).\n")
    case .introduction:
      run.stoppedAt = model.range.lowerBound
      write("Stopped at the introduction of lesson \(lesson.number).\n")
    }
  }

  public func failed() {
    terminal.leave()
  }

  /// Shows pages and handles keys until the learner quits or asks for a stage that has not
  /// run yet.
  private func interact() {
    guard var model, let lesson else { return }
    recordPlace(model)
    while true {
      self.model = model
      if model.pendingStage != nil {
        drawScreen(running: model.pendingStage)
        return
      }
      let (page, viewport) = drawScreen(running: nil)
      switch terminal.nextEvent() {
      case .resized, .continued:
        terminal.clear()
        let (page, viewport) = layout()
        model.clampScroll(bodyHeight: page.body.count, viewport: viewport)
      case .key(let key):
        let before = model.page
        let outcome = model.handle(
          key, bodyHeight: page.body.count, viewport: viewport,
          resolve: { try? StageSelection.index(of: $0, in: lesson) })
        if model.page != before { recordPlace(model) }
        switch outcome {
        case .quit:
          quitting = true
          self.model = model
          return
        case .run:
          self.model = model
          drawScreen(running: model.pendingStage)
          return
        case .redraw:
          continue
        }
      }
    }
  }

  /// Draws the current page; returns it and the body's viewport height.
  @discardableResult
  private func drawScreen(running stage: Int?) -> (StagePage, Int) {
    guard let model, let lesson else { return (StagePage(title: "", color: .heading, body: []), 1) }
    let (page, viewport) = layout()
    let size = terminal.size()
    let pageStyle = currentStyle()
    let screen = StepperScreen(
      rows: size.rows, columns: size.columns, painter: pageStyle.settings.painter,
      present: pageStyle.present)
    let running = stage.map { index in
      "Running stage \(index + 1)/\(lesson.stages.count) (\(lesson.stages[index].id)) …"
    }
    terminal.draw(
      screen.lines(
        model, page: page, lesson: lesson,
        status: .init(lesson: "Lesson \(lesson.number)", running: running)))
    return (page, viewport)
  }

  /// The style for the terminal as it is now: never wider than its columns.
  private func currentStyle() -> PageStyle {
    var pageStyle = style()
    let columns = terminal.size().columns
    if pageStyle.settings.width > columns { pageStyle.settings.width = columns }
    pageStyle.full = model?.full ?? pageStyle.full
    return pageStyle
  }

  /// The current page laid out for the terminal, and the body's viewport height.
  private func layout() -> (StagePage, Int) {
    let pageStyle = currentStyle()
    let size = terminal.size()
    let viewport = StepperScreen(
      rows: size.rows, columns: size.columns, painter: pageStyle.settings.painter,
      present: pageStyle.present
    ).viewport
    guard let model, let lesson else {
      return (StagePage(title: "", color: .heading, body: []), viewport)
    }
    let key = CacheKey(page: model.page, style: pageStyle)
    if let cache, cache.key == key { return (cache.page, viewport) }
    let renderer = StagePageRenderer(style: pageStyle)
    let page: StagePage
    switch model.page {
    case .introduction:
      page = renderer.introduction(lesson, seed: seed, withText: true)
    case .summary:
      page = renderer.summary(lesson)
    case .stage(let index):
      if let report = reports[index] {
        page = renderer.stage(report, in: lesson, number: index + 1, of: lesson.stages.count)
      } else {
        let stage = lesson.stages[index]
        page = StagePage(
          title: "\(index + 1)/\(lesson.stages.count) · \(stage.actor.rawValue) · \(stage.title)",
          color: stage.actor.color, body: ["", "  Running the demo up to this stage …"])
      }
    }
    if model.isAvailable(model.page) { cache = (key, page) }
    return (page, viewport)
  }

  /// Records the page shown as the learner's place, and prepares the line a signal would print.
  private func recordPlace(_ model: StepperModel) {
    switch model.page {
    case .stage(let index):
      places.viewed(stage: index)
      terminal.setFarewell(places.stopLine(stoppedAt: index))
    case .summary:
      places.finished()
      terminal.setFarewell("")
    case .introduction:
      terminal.setFarewell("")
    }
  }
}
