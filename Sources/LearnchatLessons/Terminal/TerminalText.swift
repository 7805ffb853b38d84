/// Measures, cuts and pads lines of terminal text that may hold SGR colour sequences.
///
/// Renderers build lines with colour already in them; laying them out in columns, clipping them
/// to a screen or checking that they fit needs their width as the terminal shows it: escape
/// sequences take no columns, emoji and East Asian wide characters take two.
public enum TerminalText {
  /// The columns `line` takes on a terminal.
  public static func displayWidth(_ line: String) -> Int {
    var width = 0
    forEachPiece(of: line) { piece in
      if case .character(let character) = piece { width += DisplayColumns.of(character) }
      return true
    }
    return width
  }

  /// The longest start of `line` that takes at most `width` columns, its escape sequences kept
  /// and a reset added when any was cut short, so the screen never carries a colour past it.
  public static func clip(_ line: String, to width: Int) -> String {
    guard displayWidth(line) > width else { return line }
    var output = ""
    var used = 0
    var styled = false
    forEachPiece(of: line) { piece in
      switch piece {
      case .escape(let sequence):
        output += sequence
        styled = true
        return true
      case .character(let character):
        let columns = DisplayColumns.of(character)
        guard used + columns <= width else { return false }
        output.append(character)
        used += columns
        return true
      }
    }
    return styled ? output + ANSIPalette.reset : output
  }

  /// `line` followed by spaces up to `width` columns (unchanged when it is already as wide).
  public static func pad(_ line: String, to width: Int) -> String {
    let missing = width - displayWidth(line)
    return missing > 0 ? line + String(repeating: " ", count: missing) : line
  }

  /// `line` without its escape sequences.
  public static func plain(_ line: String) -> String {
    var output = ""
    forEachPiece(of: line) { piece in
      if case .character(let character) = piece { output.append(character) }
      return true
    }
    return output
  }

  private enum Piece {
    case escape(String)
    case character(Character)
  }

  /// Calls `body` with each escape sequence (ESC `[` ... final byte) and each other Character
  /// of `line`, in order, until it returns false.
  private static func forEachPiece(of line: String, _ body: (Piece) -> Bool) {
    var index = line.startIndex
    while index < line.endIndex {
      let character = line[index]
      if character == "\u{1B}" {
        var end = line.index(after: index)
        if end < line.endIndex, line[end] == "[" {
          end = line.index(after: end)
          // Parameters and intermediates run up to a final byte in @...~.
          while end < line.endIndex, let scalar = line[end].unicodeScalars.first,
            !(0x40...0x7E).contains(scalar.value)
          {
            end = line.index(after: end)
          }
          if end < line.endIndex { end = line.index(after: end) }
        }
        guard body(.escape(String(line[index..<end]))) else { return }
        index = end
      } else {
        guard body(.character(character)) else { return }
        index = line.index(after: index)
      }
    }
  }
}
