/// How a piece of terminal text is shown when colour is on: attributes and a colour role.
///
/// The colour is named by role (see `MarkdownColorRole`); the theme given to the renderer turns
/// it into a 256-colour ink. Dim (SGR 2) is never used: it washes out on light backgrounds and
/// projectors, so quiet text gets a grey that keeps its contrast instead.
struct MarkdownStyle: Hashable, Sendable {
  var bold = false
  var italic = false
  var underline = false
  var color: MarkdownColorRole? = nil

  static let plain = MarkdownStyle()
  static let emphasis = MarkdownStyle(italic: true)
  static let strong = MarkdownStyle(bold: true)
  static let code = MarkdownStyle(color: .code)
  static let linkText = MarkdownStyle(underline: true)
  /// Link destinations and image sources: there to be read or copied, not to draw the eye.
  static let url = MarkdownStyle(color: .url)
  /// Rules, quote bars, continuation marks, and other marks that only give shape.
  static let decoration = MarkdownStyle(color: .decoration)

  /// Level 1 and 2 headings get a colour of their own so that stages stand out in class.
  static func heading(level: Int) -> MarkdownStyle {
    switch level {
    case 1: MarkdownStyle(bold: true, color: .heading1)
    case 2: MarkdownStyle(bold: true, color: .heading2)
    default: MarkdownStyle(bold: true)
    }
  }

  var isPlain: Bool { self == .plain }

  /// This style with `inner` applied inside it: attributes add up, the inner colour wins.
  func adding(_ inner: MarkdownStyle) -> MarkdownStyle {
    MarkdownStyle(
      bold: bold || inner.bold, italic: italic || inner.italic,
      underline: underline || inner.underline, color: inner.color ?? color)
  }

  /// The SGR sequence that switches this style on from the default state, with `palette`'s
  /// ink for the colour (whose own bold or underline adds to the style's).
  func sgrStart(_ palette: ThemePalette) -> String {
    let ink = color.map { palette.ink(for: $0) }
    var parameters: [String] = []
    if bold || ink?.bold == true { parameters.append("1") }
    if italic { parameters.append("3") }
    if underline || ink?.underline == true { parameters.append("4") }
    if let ink { parameters.append("38;5;\(ink.color)") }
    return "\u{1B}[" + parameters.joined(separator: ";") + "m"
  }

  /// The SGR sequence that returns to the default state; it ends every styled run.
  static let sgrReset = "\u{1B}[0m"
}
