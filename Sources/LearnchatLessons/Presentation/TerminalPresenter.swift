import LearnchatDemos

/// Shows a lesson on the terminal: Markdown rendered to the width, the peers' console lines,
/// and labelled hex dumps of the real bytes.
public struct TerminalPresenter: Sendable {
  let currentSettings: @Sendable () -> TerminalSettings
  let full: Bool
  let write: @Sendable (String) -> Void

  /// A presenter writing through `write`, coloured and sized by `settings`; `full` turns off the
  /// shortening of long dumps.
  public init(settings: TerminalSettings, full: Bool, write: @escaping @Sendable (String) -> Void) {
    self.init(currentSettings: { settings }, full: full, write: write)
  }

  /// A presenter that asks `currentSettings` again for each thing it shows, so a lesson follows
  /// a terminal resized between stages.
  public init(
    currentSettings: @escaping @Sendable () -> TerminalSettings, full: Bool,
    write: @escaping @Sendable (String) -> Void
  ) {
    self.currentSettings = currentSettings
    self.full = full
    self.write = write
  }

  private func markdown(_ text: String, _ settings: TerminalSettings) -> String {
    TerminalMarkdownRenderer(settings: settings)
      .render(MarkdownDocument(parsing: text))
  }

  /// The lesson's introduction, and a warning when the run is seeded.
  public func showIntroduction(_ lesson: Lesson, seed: String?) {
    let settings = currentSettings()
    write(markdown(lesson.text.introduction, settings))
    if let seed {
      write(
        "\n"
          + markdown(
            "> **Seeded run** (`--seed \(seed)`): every key, nonce and OAEP seed below comes from "
              + "the seed, so the bytes repeat exactly. For teaching only: anyone who knows the "
              + "seed knows every key. Ports are shown as PORT.", settings))
    }
  }

  /// One stage: its heading, its lesson text with live values, the console, the bytes.
  public func show(_ report: StageReport, in lesson: Lesson, number: Int, of total: Int) {
    let settings = currentSettings()
    let painter = settings.painter
    let stage = report.stage
    var output =
      "\n"
      + heading(
        "\(number)/\(total) · \(stage.actor.rawValue) · \(stage.title)", stage.actor, settings)
      + "\n\n"
    output += markdown(lesson.markdown(for: stage, values: report.values), settings)
    if !report.console.isEmpty {
      output += "\n"
      for line in report.console {
        let name = line.actor.rawValue.padding(toLength: 8, withPad: " ", startingAt: 0)
        output += "  " + painter.paint("\(name) │", line.actor.color) + " \(line.text)\n"
      }
    }
    if let outcome = report.outcome {
      let color: TerminalColor = outcome.verdict == .failed ? .heading : .error
      output +=
        "\n" + painter.paint("  Attack \(outcome.verdict.rawValue.uppercased()):", color)
        + " \(outcome.summary)\n"
    }
    let dumps = HexDumpRenderer(settings: settings, full: full)
    for shown in report.shown {
      output += "\n" + dumps.render(shown.hexDump)
      if !output.hasSuffix("\n") { output += "\n" }
    }
    write(output)
  }

  /// The lesson's summary, after the last stage.
  public func showSummary(_ lesson: Lesson) {
    guard !lesson.text.summary.isEmpty else { return }
    let settings = currentSettings()
    write(
      "\n" + heading("Summary", nil, settings) + "\n\n"
        + markdown(lesson.text.summary, settings))
  }

  /// A line saying the run was stopped at a pause.
  public func showStopped() {
    write(
      "\n"
        + currentSettings().painter.paint("Stopped. Run the lesson again to see the rest.", .muted)
        + "\n")
  }

  /// The line shown at a `--step` pause.
  public func showPause() {
    write(currentSettings().painter.paint("── Enter: next stage · q, Enter: quit ──", .muted) + " ")
  }

  private func heading(_ text: String, _ actor: StageActor?, _ settings: TerminalSettings)
    -> String
  {
    let lead = "── \(text) "
    let rule = String(repeating: "─", count: max(2, min(settings.width, 80) - lead.count))
    return settings.painter.paint(lead + rule, actor?.color ?? .heading)
  }
}

extension StageActor {
  /// The colour of this actor's headings, console lines and bytes.
  var color: TerminalColor {
    switch self {
    case .server: return .server
    case .client: return .client
    case .wire: return .wire
    case .attacker: return .attacker
    }
  }
}

extension StageReport.Bytes {
  /// These bytes as a hex dump with their fields.
  var hexDump: HexDump {
    HexDump(bytes: bytes, fields: fields, title: title)
  }
}
