extension HTMLPage {
  /// One stage's `<section>`: heading, lesson text, console, verdict and dumps.
  ///
  /// Its `id` is the stage id (links and the URL's `#` name it); `data-stage` carries the
  /// stage's number for the script's "go to"; `tabindex="-1"` lets the script focus it.
  static func section(_ entry: HTMLPageStage, in lesson: Lesson) -> String {
    let report = entry.report
    let actor = HTMLEscaping.text(entry.stage.actor.rawValue)
    let numberAttribute = entry.number.map { " data-stage=\"\($0)\"" } ?? ""
    var html =
      "<section class=\"stage \(actor)\" id=\"\(entry.anchor)\"\(numberAttribute) tabindex=\"-1\">\n"
    html += "<h2>\(entry.headingHTML)</h2>\n"
    html += MarkdownHTML.render(lesson.document(for: entry.stage, values: report.values))
    if !report.console.isEmpty {
      html += "<pre class=\"console\">"
      for line in report.console {
        let speaker = HTMLEscaping.text(line.actor.rawValue)
        html +=
          "<span class=\"\(speaker)\">\(speaker) │</span> "
          + HTMLEscaping.text(line.text) + "\n"
      }
      html += "</pre>\n"
    }
    if let outcome = report.outcome {
      let verdict = HTMLEscaping.text(outcome.verdict.rawValue)
      html +=
        "<p class=\"outcome \(verdict)\"><strong>Attack \(verdict)</strong>: "
        + "\(HTMLEscaping.text(outcome.summary))</p>\n"
    }
    let dumps = HexDumpHTMLRenderer()
    for shown in report.shown {
      html += dumps.render(shown.hexDump)
    }
    return html + "</section>\n"
  }
}
