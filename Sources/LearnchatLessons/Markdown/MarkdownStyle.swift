/// How a piece of terminal text is shown when colour is on: a set of SGR attributes.
///
/// Kept private to the Markdown renderer (the Terminal folder has its own palette) so the two
/// can change independently.
struct MarkdownStyle: Hashable, Sendable {
  /// A foreground colour, by its SGR parameter.
  enum Color: Int, Sendable {
    case green = 32
    case magenta = 35
    case cyan = 36
  }

  var bold = false
  var dim = false
  var italic = false
  var underline = false
  var color: Color? = nil

  static let plain = MarkdownStyle()
  static let emphasis = MarkdownStyle(italic: true)
  static let strong = MarkdownStyle(bold: true)
  static let code = MarkdownStyle(color: .cyan)
  static let linkText = MarkdownStyle(underline: true)
  /// Link destinations and image sources: there to be read or copied, not to draw the eye.
  static let url = MarkdownStyle(dim: true)
  /// Rules, quote bars, and other lines that only give shape.
  static let decoration = MarkdownStyle(dim: true)

  /// Level 1 and 2 headings get a colour of their own so that stages stand out in class.
  static func heading(level: Int) -> MarkdownStyle {
    switch level {
    case 1: MarkdownStyle(bold: true, color: .magenta)
    case 2: MarkdownStyle(bold: true, color: .green)
    default: MarkdownStyle(bold: true)
    }
  }

  var isPlain: Bool { self == .plain }

  /// This style with `inner` applied inside it: attributes add up, the inner colour wins.
  func adding(_ inner: MarkdownStyle) -> MarkdownStyle {
    MarkdownStyle(
      bold: bold || inner.bold, dim: dim || inner.dim, italic: italic || inner.italic,
      underline: underline || inner.underline, color: inner.color ?? color)
  }

  /// The SGR sequence that switches this style on from the default state.
  var sgrStart: String {
    var parameters: [String] = []
    if bold { parameters.append("1") }
    if dim { parameters.append("2") }
    if italic { parameters.append("3") }
    if underline { parameters.append("4") }
    if let color { parameters.append(String(color.rawValue)) }
    return "\u{1B}[" + parameters.joined(separator: ";") + "m"
  }

  /// The SGR sequence that returns to the default state; it ends every styled run.
  static let sgrReset = "\u{1B}[0m"
}
