/// One self-contained HTML page of a lesson run, for handouts and projectors: the lesson text
/// written from its parsed tree (``MarkdownHTML``), the real bytes as styled `<pre>` dumps, a stage list, keys to step through the
/// stages as in the terminal, a footer saying what wrote it; light and dark, and a print style.
///
/// Nothing external: the style and the one script are inline, and the page's content security
/// policy forbids loading anything, so it works offline and from a file. Every text that comes
/// from the run (titles, console lines, values, the seed) is escaped, values are text in the
/// lesson's tree, and the lesson file's own raw HTML and script links are left out.
public enum HTMLPage {
  /// The page for `run`, with `footer` naming the version and the date.
  ///
  /// The default footer has no version (the command line knows it; this layer does not) and is
  /// dated as `Footer.current` dates it.
  public static func render(_ run: LessonRun, footer: Footer = .current(version: nil)) -> String {
    let lesson = run.lesson
    let stages = HTMLPageStage.all(in: run)
    // A page of a range (`--from`, `--to`) holds only that range: the introduction belongs
    // before the first stage, the summary after the last.
    let startsTheLesson = run.range.lowerBound == 0
    var body = startsTheLesson ? MarkdownHTML.render(lesson.text.introductionDocument) : ""
    if let seed = run.seed {
      body +=
        "<p class=\"seeded\">Seeded run (<code>--seed \(escape(seed))</code>): "
        + "\(escape(SeededRunNote.text(for: lesson.walkthrough)))</p>\n"
    }
    for entry in stages {
      body += section(entry, in: lesson)
    }
    if run.stoppedEarly {
      body += "<p class=\"stopped\">The run was stopped before its end.</p>\n"
    } else if run.reachedSummary && !lesson.text.summary.isEmpty {
      body +=
        "<section class=\"summary\">\n" + MarkdownHTML.render(lesson.text.summaryDocument)
        + "</section>\n"
    }
    let style = HTMLPalette.css + css + HexDumpHTMLRenderer.css
    let policy = contentSecurityPolicy(style: style, script: script)
    return """
      <!DOCTYPE html>
      <html lang="en">
      <head>
      <meta charset="utf-8">
      <meta http-equiv="Content-Security-Policy" content="\(policy)">
      <meta name="viewport" content="width=device-width, initial-scale=1">
      <meta name="color-scheme" content="light dark">
      <title>\(escape(lesson.text.title))</title>
      <style>\(style)</style>
      </head>
      <body>
      \(stageList(stages))<main id="lesson">
      \(body)</main>
      \(self.footer(footer, lesson: lesson, seed: run.seed))\(keyBar(stages))<script>\(script)</script>
      </body>
      </html>

      """
  }

  private static func escape(_ text: String) -> String { HTMLEscaping.text(text) }
}
