/// Lays out a lesson's pages for a `PageStyle`: the text in a readable measure, the peers'
/// console lines and an attack's verdict wrapped with a hanging indent, and the hex dumps below
/// the text or, on a wide terminal, beside it.
public struct StagePageRenderer: Sendable {
  /// The style pages are laid out in.
  public let style: PageStyle

  /// A renderer for `style`.
  public init(style: PageStyle) {
    self.style = style
  }

  private var painter: Painter { style.settings.painter }

  /// The introduction (only its warning that the run is seeded, without `withText`).
  public func introduction(_ lesson: Lesson, seed: String?, withText: Bool) -> StagePage {
    var body = withText ? markdown(lesson.text.introductionDocument, width: style.proseWidth) : []
    if let seed {
      if !body.isEmpty { body.append("") }
      body += markdown(
        SeededRunNote.document(seed: seed, for: lesson.walkthrough), width: style.proseWidth)
    }
    return StagePage(
      title: "Introduction", color: .heading, body: margined(body))
  }

  /// The summary, after the last stage.
  public func summary(_ lesson: Lesson) -> StagePage {
    StagePage(
      title: "Summary", color: .heading,
      body: margined(markdown(lesson.text.summaryDocument, width: style.proseWidth)))
  }

  /// Stage `number` of `total`: its lesson text with live values, the console, the verdict,
  /// the bytes.
  public func stage(_ report: StageReport, in lesson: Lesson, number: Int, of total: Int)
    -> StagePage
  {
    let stage = report.stage
    let title = "\(number)/\(total) · \(stage.actor.rawValue) · \(stage.title)"
    guard let columns = style.columns, !report.shown.isEmpty else {
      let text = textColumn(report, lesson, width: style.proseWidth)
      let dumps = dumpColumn(report, width: style.stackedDumpWidth)
      let body = dumps.isEmpty ? text : text + [""] + dumps
      return StagePage(title: title, color: stage.actor.color, body: margined(body))
    }
    let text = textColumn(report, lesson, width: columns.text)
    let dumps = dumpColumn(report, width: columns.dumps)
    let gutter = String(repeating: " ", count: PageStyle.gutter)
    let rows = (0..<max(text.count, dumps.count)).map { row in
      let left = row < text.count ? text[row] : ""
      let right = row < dumps.count ? dumps[row] : ""
      let line = right.isEmpty ? left : TerminalText.pad(left, to: columns.text) + gutter + right
      return MarkdownVisibleText.trimmingTrailingSpaces(line)
    }
    return StagePage(title: title, color: stage.actor.color, body: margined(rows))
  }

  /// The lesson text, then the peers' lines, then the verdict, at `width`.
  private func textColumn(_ report: StageReport, _ lesson: Lesson, width: Int) -> [String] {
    var lines = markdown(lesson.document(for: report.stage, values: report.values), width: width)
    if !report.console.isEmpty {
      if !lines.isEmpty { lines.append("") }
      for line in report.console {
        let name = DisplayColumns.padded(line.actor.rawValue, to: 8)
        let bar = painter.paint("\(name) │", line.actor.color)
        let continuation =
          "  " + painter.paint(String(repeating: " ", count: 9) + "│", line.actor.color)
        lines += WrappedText.lines(
          line.text, width: width, firstPrefix: "  " + bar + " ", restPrefix: continuation + " ")
      }
    }
    if let outcome = report.outcome {
      if !lines.isEmpty { lines.append("") }
      let color: TerminalColor =
        switch outcome.verdict {
        case .succeeded: .error
        case .disrupted: .warning
        case .failed: .heading
        }
      let label = painter.paint("Attack \(outcome.verdict.rawValue.uppercased()):", color)
      lines += WrappedText.lines(
        outcome.summary, width: width, firstPrefix: "  " + label + " ", restPrefix: "    ")
    }
    return lines
  }

  /// Every dump of the stage, a blank line between them, at `width`.
  private func dumpColumn(_ report: StageReport, width: Int) -> [String] {
    let renderer = HexDumpRenderer(
      colors: style.settings.colors, width: width, full: style.full, theme: style.settings.theme,
      truncation: style.present ? .compact : .standard)
    var lines: [String] = []
    for shown in report.shown {
      if !lines.isEmpty { lines.append("") }
      lines += renderer.render(shown.hexDump).split(
        separator: "\n", omittingEmptySubsequences: false
      )
      .map(String.init)
    }
    return lines
  }

  private func markdown(_ document: MarkdownDocument, width: Int) -> [String] {
    let rendered = TerminalMarkdownRenderer(
      width: width, colors: style.settings.colors, theme: style.settings.theme
    )
    .render(document)
    guard !rendered.isEmpty else { return [] }
    return rendered.dropLast().split(separator: "\n", omittingEmptySubsequences: false)
      .map(String.init)
  }

  /// `lines` moved right by the style's margin.
  private func margined(_ lines: [String]) -> [String] {
    guard style.margin > 0 else { return lines }
    let margin = String(repeating: " ", count: style.margin)
    return lines.map { $0.isEmpty ? $0 : margin + $0 }
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
