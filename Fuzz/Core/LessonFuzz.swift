import LearnchatLessons

/// The lesson loader and the Markdown renderers fed arbitrary text.
///
/// Input: the whole input is the file, decoded as UTF-8 with invalid bytes replaced (as the
/// loader reads files); its first byte also picks the width (1 to 120 columns) and its last
/// byte's low bit the colour. The text is rendered for the terminal and to HTML, then parsed
/// as a lesson; when it parses, each part is rendered as a lesson run renders it, and when it
/// also matches its demo, each stage with its placeholders filled.
///
/// Checked: the terminal output is empty or ends in a newline, without colour no line ends in
/// a space, and from 20 columns up no line is wider than the width, escape sequences aside
/// (all promised by `TerminalMarkdownRenderer`).
enum LessonFuzz {
  static func run(_ input: [UInt8]) {
    let text = String(decoding: input, as: UTF8.self)
    let renderer = TerminalMarkdownRenderer(
      width: 1 + Int((input.first ?? 0) % 120), colors: (input.last ?? 0) & 1 == 1)
    render(MarkdownDocument(parsing: text), with: renderer)

    guard let lessonText = try? LessonParser.parse(text, fileName: "fuzz.md") else { return }
    var parts =
      [lessonText.introductionDocument, lessonText.summaryDocument]
      + lessonText.sections.map(\.document)
    if let lesson = try? Lesson(number: 1, fileName: "fuzz.md", text: lessonText) {
      for stage in lesson.stages {
        let values = Dictionary(
          uniqueKeysWithValues: stage.placeholders.map { ($0, "{{\($0)}} 0a ff \u{1b}[31m") })
        parts.append(lesson.document(for: stage, values: values))
      }
    }
    for part in parts {
      render(part, with: renderer)
    }
  }

  /// Renders `document` for the terminal (checking its promises) and to HTML.
  private static func render(_ document: MarkdownDocument, with renderer: TerminalMarkdownRenderer)
  {
    _ = MarkdownHTML.render(document)
    let output = renderer.render(document)
    invariant(output.isEmpty || output.hasSuffix("\n"), "output does not end in a newline")
    if renderer.width >= 20 {
      for line in output.split(separator: "\n") {
        let columns = DisplayColumns.of(withoutEscapes(line))
        invariant(
          columns <= renderer.width,
          "a line of \(columns) columns at width \(renderer.width): \(String(reflecting: line))")
      }
    }
    guard !renderer.colors else { return }
    for line in output.split(separator: "\n") {
      invariant(line.last != " ", "a line ends in a space: \(String(reflecting: line))")
    }
  }

  /// `line` without its SGR sequences (`ESC [ ... m`), the only ones the renderer writes.
  private static func withoutEscapes(_ line: Substring) -> String {
    var result = ""
    var inEscape = false
    for scalar in line.unicodeScalars {
      if inEscape {
        inEscape = scalar != "m"
      } else if scalar == "\u{1B}" {
        inEscape = true
      } else {
        result.unicodeScalars.append(scalar)
      }
    }
    return result
  }
}
