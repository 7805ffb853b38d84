/// Lays out one full screen of the stepper: the page's heading pinned on the first row, the
/// body scrolled beneath it, and a status line on the last row. Pure: it returns the rows, and
/// `FullScreenStepper` writes them.
struct StepperScreen {
  /// The terminal's size.
  let rows: Int
  let columns: Int
  /// Colours; also decides whether the status line is drawn in reverse video.
  let painter: Painter
  /// `--present`: a blank row under the heading.
  let present: Bool

  /// Rows for the body between the heading and the status line.
  var viewport: Int { max(1, rows - 2 - (present ? 1 : 0)) }

  /// What the screen shows besides the page.
  struct Status {
    /// `Lesson 2`.
    let lesson: String
    /// A stage running in the background, when the demo is catching up.
    let running: String?
  }

  /// The rows of the screen, exactly `rows` of them, none wider than `columns`.
  func lines(_ model: StepperModel, page: StagePage, lesson: Lesson, status: Status) -> [String] {
    let (heading, body, scroll) = content(model, page: page, lesson: lesson)
    var lines = [heading]
    if present && rows > 3 { lines.append("") }
    let window = body.dropFirst(scroll).prefix(viewport)
    lines += window.map { TerminalText.clip($0, to: columns) }
    while lines.count < rows - 1 { lines.append("") }
    lines = Array(lines.prefix(max(0, rows - 1)))
    lines.append(
      statusLine(model, bodyHeight: body.count, scroll: scroll, lesson: lesson, status: status))
    return lines
  }

  /// The heading, body and scroll position for the mode: the page, the stage list or the keys.
  private func content(_ model: StepperModel, page: StagePage, lesson: Lesson)
    -> (String, [String], Int)
  {
    switch model.mode {
    case .list(let cursor):
      let body = stageList(model, lesson: lesson, cursor: cursor)
      // Keep the marked stage in view, a few rows from the top where there is room.
      let position = cursor - model.range.lowerBound + 2
      let scroll = min(max(0, position - viewport / 3), max(0, body.count - viewport))
      let title = StagePage(title: "Stages of lesson \(lesson.number)", color: .heading, body: [])
      return (title.headingLine(width: columns, painter: painter), body, scroll)
    case .help:
      let title = StagePage(title: "Keys", color: .heading, body: [])
      return (title.headingLine(width: columns, painter: painter), Self.keyHelp, 0)
    case .reading, .goTo:
      return (page.headingLine(width: columns, painter: painter), page.body, model.scroll)
    }
  }

  private func stageList(_ model: StepperModel, lesson: Lesson, cursor: Int) -> [String] {
    let stages = lesson.stages
    let nameWidth = stages.map(\.id.count).max() ?? 0
    let numberWidth = String(stages.count).count
    var lines = ["Up/Down choose, Enter goes, Esc returns.", ""]
    for index in model.range {
      let stage = stages[index]
      let marker = index == cursor ? "▶" : " "
      let number =
        String(repeating: " ", count: numberWidth - String(index + 1).count)
        + String(index + 1)
      let name = DisplayColumns.padded(stage.id, to: nameWidth)
      let actor = DisplayColumns.padded(stage.actor.rawValue, to: 8)
      let state = model.isAvailable(.stage(index)) ? "" : "  (not run yet)"
      var line = " \(marker) \(number)  \(actor) \(name)  \(stage.title)\(state)"
      if index == cursor { line = painter.paint(line, stage.actor.color) }
      lines.append(line)
    }
    return lines
  }

  /// The keys, as `?` shows them; the README repeats this table.
  static let keyHelp = [
    "n  Right                next stage",
    "Space  Enter  PgDn      scroll a page; at the bottom, next stage",
    "p  b  Left              previous stage",
    "Down  Up  j  k          scroll a line",
    "PgUp  Home  End         scroll up a page, to the top, to the bottom",
    "g  (or a digit)         go to a stage: its number or name, then Enter",
    "l                       the list of stages to pick from",
    "f                       long dumps in full, or shortened",
    "?                       these keys",
    "q  Esc  Ctrl-D          quit (learnchat says how to resume)",
    "",
    "Any key returns to the lesson.",
  ]

  private func statusLine(
    _ model: StepperModel, bodyHeight: Int, scroll: Int, lesson: Lesson, status: Status
  ) -> String {
    let place: String
    switch model.page {
    case .introduction: place = "introduction"
    case .stage(let index): place = "\(index + 1)/\(lesson.stages.count) \(lesson.stages[index].id)"
    case .summary: place = "summary"
    }
    var lines: String?
    if case .reading = model.mode, bodyHeight > viewport {
      let last = min(bodyHeight, scroll + viewport)
      lines = "\(scroll + 1)-\(last)/\(bodyHeight)" + (last < bodyHeight ? " ↓" : "")
    }
    let right: String
    var left = ([status.lesson, place] + (lines.map { ["lines " + $0] } ?? [])).joined(
      separator: " · ")
    if let running = status.running {
      right = running
    } else if case .goTo(let typed) = model.mode {
      left = "Go to stage: \(typed)▏"
      right = "1-\(lesson.stages.count) or a name · Enter · Esc cancels"
    } else if let note = model.note {
      right = note
    } else {
      switch model.mode {
      case .list: right = "Enter go · Esc back"
      case .help: right = "any key: back"
      default:
        let shorter = ([place] + (lines.map { [$0] } ?? [])).joined(separator: " · ")
        (left, right) = Self.fitting(place: left, shorter: shorter, columns: columns)
      }
    }
    var text = " " + left
    let room = columns - TerminalText.displayWidth(text) - TerminalText.displayWidth(right) - 1
    text += room >= 2 ? String(repeating: " ", count: room) + right + " " : "  " + right
    text = TerminalText.pad(TerminalText.clip(text, to: columns), to: columns)
    return painter.enabled ? "\u{1B}[7m" + text + ANSIPalette.reset : text
  }

  /// The status line's two sides on a screen `columns` wide: where the reader is (`place`, or
  /// `shorter` where only that leaves room for the keys to step with) and the keys that fit.
  ///
  /// On a narrow screen the lesson number and the word "lines" go before the keys to step with
  /// do, so the keys do not change as the reader scrolls through a page.
  static func fitting(place: String, shorter: String, columns: Int) -> (String, String) {
    let keys = fittingKeys(columns - TerminalText.displayWidth(place) - 3)
    if keys.hasPrefix("n next") { return (place, keys) }
    let moreKeys = fittingKeys(columns - TerminalText.displayWidth(shorter) - 3)
    return moreKeys.count > keys.count ? (shorter, moreKeys) : (place, keys)
  }

  /// The longest list of keys that fits in `room` columns.
  static func fittingKeys(_ room: Int) -> String {
    let choices = [
      "n next · p back · g go · l list · ? keys · q quit",
      "n next · p back · ? keys · q quit",
      "? keys · q quit",
    ]
    return choices.first { TerminalText.displayWidth($0) <= room } ?? ""
  }
}
