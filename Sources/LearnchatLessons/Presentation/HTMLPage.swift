/// One self-contained HTML page of a lesson run, for handouts and projectors: cmark's HTML for
/// the text, the real bytes as styled `<pre>` dumps, no external files.
public enum HTMLPage {
  /// The page for `run`.
  public static func render(_ run: LessonRun) -> String {
    let lesson = run.lesson
    let dumps = HexDumpHTMLRenderer()
    var body = MarkdownHTML.render(lesson.text.introduction)
    if let seed = run.seed {
      body +=
        "<p class=\"seeded\">Seeded run (<code>--seed \(escape(seed))</code>): every random "
        + "value comes from the seed, so the bytes repeat exactly. For teaching only.</p>\n"
    }
    let total = lesson.stages.count
    for (index, report) in run.reports.enumerated() {
      let stage = report.stage
      body += "<section class=\"stage \(stage.actor.rawValue)\" id=\"\(stage.id)\">\n"
      body +=
        "<h2><span class=\"number\">\(index + 1)/\(total)</span> "
        + "<span class=\"actor\">\(stage.actor.rawValue)</span> \(escape(stage.title))</h2>\n"
      body += MarkdownHTML.render(lesson.markdown(for: stage, values: report.values))
      if !report.console.isEmpty {
        body += "<pre class=\"console\">"
        for line in report.console {
          body +=
            "<span class=\"\(line.actor.rawValue)\">\(line.actor.rawValue) │</span> "
            + escape(line.text) + "\n"
        }
        body += "</pre>\n"
      }
      if let outcome = report.outcome {
        body +=
          "<p class=\"outcome \(outcome.verdict.rawValue)\"><strong>Attack "
          + "\(outcome.verdict.rawValue)</strong>: \(escape(outcome.summary))</p>\n"
      }
      for shown in report.shown {
        body += dumps.render(shown.hexDump)
      }
      body += "</section>\n"
    }
    if run.stoppedEarly {
      body += "<p class=\"stopped\">The run was stopped before its end.</p>\n"
    } else if !lesson.text.summary.isEmpty {
      body +=
        "<section class=\"summary\">\n" + MarkdownHTML.render(lesson.text.summary)
        + "</section>\n"
    }
    return """
      <!DOCTYPE html>
      <html lang="en">
      <head>
      <meta charset="utf-8">
      <meta name="viewport" content="width=device-width, initial-scale=1">
      <title>\(escape(lesson.text.title))</title>
      <style>
      \(HTMLPalette.css)
      \(pageCSS)
      \(HexDumpHTMLRenderer.css)
      </style>
      </head>
      <body>
      <main>
      \(body)
      </main>
      </body>
      </html>

      """
  }

  static let pageCSS = """
    body { font: 16px/1.5 system-ui, sans-serif; margin: 0; background: #fdfdfb; color: #222; }
    main { max-width: 60rem; margin: 0 auto; padding: 1rem 2rem 4rem; }
    h2 { border-bottom: 2px solid currentColor; padding-bottom: .2rem; margin-top: 2.5rem; }
    h2 .number { color: #888; font-weight: normal; }
    h2 .actor { font-variant: small-caps; margin-right: .4rem; }
    section.server h2 { color: #07748a; }
    section.client h2 { color: #7a3fa0; }
    section.wire h2 { color: #9a6700; }
    pre { overflow-x: auto; background: #f3f3ef; padding: .6rem .8rem; border-radius: 4px; }
    pre.console .server { color: #07748a; }
    pre.console .client { color: #7a3fa0; }
    code { font-family: ui-monospace, "DejaVu Sans Mono", monospace; }
    figure { margin: 1rem 0; }
    section.attacker h2 { color: #b00020; }
    pre.console .attacker { color: #b00020; }
    .outcome { padding: .5rem .8rem; border-left: 4px solid; }
    .outcome.succeeded, .outcome.disrupted { background: #fde7ea; border-color: #b00020; }
    .outcome.failed { background: #e6f4ea; border-color: #1e7e34; }
    .seeded, .stopped { background: #fff4d6; padding: .5rem .8rem; border-left: 4px solid #e0a800; }
    """

  private static func escape(_ text: String) -> String { HexDumpHTMLRenderer.escape(text) }
}
