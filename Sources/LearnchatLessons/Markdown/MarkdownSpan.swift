/// A run of text with one style: the unit the wrapper measures and the line writer prints.
struct MarkdownSpan: Equatable, Sendable {
  var text: String
  var style: MarkdownStyle

  /// Terminal columns; escape codes are never part of a span's text, so they never count.
  var width: Int { DisplayColumns.of(text) }
}

/// Turns a laid-out line of spans into terminal text.
enum MarkdownLineWriter {
  /// Joins spans into one line, coloured by `painter` when it is enabled. With colour, each run
  /// of equal style is opened and then reset before the next run, so every line stands alone:
  /// nothing carries over a newline, and a nested style (emphasis inside strong) is a run of its
  /// own with both attributes.
  static func string(_ spans: [MarkdownSpan], painter: Painter) -> String {
    guard painter.enabled else { return spans.map(\.text).joined() }
    let palette = painter.theme.palette
    var output = ""
    var runText = ""
    var runStyle = MarkdownStyle.plain
    func flush() {
      guard !runText.isEmpty else { return }
      output +=
        runStyle.isPlain
        ? runText : runStyle.sgrStart(palette) + runText + MarkdownStyle.sgrReset
      runText = ""
    }
    for span in spans where !span.text.isEmpty {
      if span.style != runStyle {
        flush()
        runStyle = span.style
      }
      runText += span.text
    }
    flush()
    return output
  }

  /// One span on its own line.
  static func string(_ text: String, style: MarkdownStyle, painter: Painter) -> String {
    string([MarkdownSpan(text: text, style: style)], painter: painter)
  }
}
