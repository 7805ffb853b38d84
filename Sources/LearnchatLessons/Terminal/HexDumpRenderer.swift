/// Renders a `HexDump` for the terminal: rows laid out like `hexdump -C`, then a field table.
///
/// Differences from `hexdump -C`, on purpose:
/// - no final line holding the total length: the dump ends with its last row, and the title and
///   field table already say how long things are;
/// - repeated rows are never squeezed into `*` (as with `hexdump -C -v`), because every byte may
///   be the one a lesson talks about;
/// - narrow widths get 8 or 4 bytes per row, and long dumps are shortened unless `full` is set.
///
/// Every line fits the width from 20 columns up (`TerminalSettings.allowedWidths`), measured in
/// display columns: the title wraps with a hanging indent, the field table wraps its values or
/// stacks (see `HexDumpTextTable`), and rows of 4 bytes, which need 29 columns with their
/// ASCII column, drop that column below 29 (the bytes are still all there in hex) and keep a
/// single space after the offset below 21. Below 20 columns a row of 4 bytes overflows.
public struct HexDumpRenderer: Sendable {
  /// Dumps of more bytes than this are shortened to a head and a tail, unless `full` is set
  /// (the value of `Truncation.standard`).
  public static let maximumUntruncatedBytes = Truncation.standard.maximumUntruncatedBytes
  /// How many bytes a shortened dump keeps from its start (4 rows of 16), in
  /// `Truncation.standard`.
  public static let truncatedHeadBytes = Truncation.standard.headBytes
  /// How many bytes a shortened dump keeps from its end (the last 2 rows of 16, so fewer bytes
  /// when the last row is short, but always the last 16), because a GCM tag sits at the end of
  /// a frame; in `Truncation.standard`.
  public static let truncatedTailBytes = Truncation.standard.tailBytes

  /// Whether bytes, field names and the title are coloured.
  public let colors: Bool
  /// The columns to fit: it chooses 16, 8 or 4 bytes per row and wraps the title and the field
  /// table.
  public let width: Int
  /// Whether to show every row of a long dump.
  public let full: Bool
  /// Whose colours to use when `colors` is set.
  public let theme: Theme
  /// How a long dump is shortened when `full` is not set.
  public let truncation: Truncation

  /// A renderer colouring in `theme` when `colors` is set, fitting `width` columns (any width
  /// of 1 or more works; see the type's notes below 20), showing every row when `full` is set
  /// and else shortening long dumps as `truncation` says.
  public init(
    colors: Bool, width: Int, full: Bool = false, theme: Theme = .dark,
    truncation: Truncation = .standard
  ) {
    self.colors = colors
    self.width = max(1, width)
    self.full = full
    self.theme = theme
    self.truncation = truncation
  }

  /// A renderer following `settings` (colour, theme, width).
  public init(settings: TerminalSettings, full: Bool = false, truncation: Truncation = .standard) {
    self.init(
      colors: settings.colors, width: settings.width, full: full, theme: settings.theme,
      truncation: truncation)
  }

  /// 16 bytes per row when a full `hexdump -C` row (78 columns) fits in `width`, else 8 when
  /// such a row (45 columns) fits, else 4.
  public static func bytesPerRow(forWidth width: Int) -> Int {
    if width >= rowWidth(bytesPerRow: 16) { return 16 }
    if width >= rowWidth(bytesPerRow: 8) { return 8 }
    return 4
  }

  /// Whether rows at `width` show the ASCII column: always at 16 and 8 bytes per row, and at 4
  /// only from 29 columns.
  public static func showsASCIIColumn(forWidth width: Int) -> Bool {
    width >= rowWidth(bytesPerRow: bytesPerRow(forWidth: width))
  }

  /// The columns a full row with `bytesPerRow` bytes takes: 78 for 16, 45 for 8, 29 for 4.
  public static func rowWidth(bytesPerRow: Int) -> Int {
    let layout = HexDumpLayout(bytesPerRow: bytesPerRow)
    // Offset, two spaces, the hex column, two spaces, and the ASCII column between bars.
    return 8 + 2 + layout.hexColumnWidth + 2 + 1 + bytesPerRow + 1
  }

  /// The dump as lines of text separated by newlines, without a final newline (for `print`).
  ///
  /// The title, if any, comes first; then the rows; then, when the dump has fields, a blank line
  /// and the field table. An empty dump without a title renders as the empty string. Bytes reach
  /// the terminal only as hex and printable ASCII, but the title, names and notes are written as
  /// given: a caller that puts a peer's text in them escapes it first.
  public func render(_ dump: HexDump) -> String {
    let painter = Painter(enabled: colors, theme: theme)
    var lines: [String] = []
    if let title = dump.title {
      lines += PlainTextWrapper.wrap(title, width: width, hangingIndent: 2).map {
        paintKeepingIndent($0, .heading, painter)
      }
    }
    let layout = HexDumpLayout(bytesPerRow: HexDumpRenderer.bytesPerRow(forWidth: width))
    let ascii = HexDumpRenderer.showsASCIIColumn(forWidth: width)
    // Offset, hex and ASCII columns are separated by two spaces, as in `hexdump -C`; one after
    // the offset when even a row of 4 without its ASCII column would not fit otherwise.
    let gap = ascii || width >= 8 + 2 + layout.hexColumnWidth ? "  " : " "
    for line in layout.lines(for: dump, truncation: full ? nil : truncation) {
      switch line {
      case .row(let offset, let hex, let asciiPieces):
        var row = HexDumpLayout.offsetText(offset) + gap + paint(hex, painter)
        if ascii {
          row += "  |" + paint(asciiPieces, painter) + "|"
        } else {
          row = trimTrailingSpaces(row)
        }
        lines.append(row)
      case .omitted(let byteCount):
        lines += omittedNote(byteCount).map { paintKeepingIndent($0, .muted, painter) }
      }
    }
    let rows = dump.fieldRows()
    if !rows.isEmpty {
      lines.append("")
      lines += HexDumpTextTable(rows: rows, width: width).lines(painter: painter)
    }
    return lines.joined(separator: "\n")
  }

  /// The note standing for the rows left out, under the hex column when it fits there.
  private func omittedNote(_ byteCount: Int) -> [String] {
    let noun = byteCount == 1 ? "byte" : "bytes"
    let note = "... \(byteCount) more \(noun) ..."
    let indent = max(0, min(10, width - note.count))
    return PlainTextWrapper.wrap(note, width: width - indent).map {
      String(repeating: " ", count: indent) + $0
    }
  }

  /// `line` painted in `color`, leaving its leading spaces (a hanging indent) unpainted.
  private func paintKeepingIndent(_ line: String, _ color: TerminalColor, _ painter: Painter)
    -> String
  {
    let indent = line.prefix { $0 == " " }
    return indent + painter.paint(String(line.dropFirst(indent.count)), color)
  }

  private func paint(_ pieces: [HexDumpPiece], _ painter: Painter) -> String {
    pieces.map { piece in
      guard let index = piece.fieldIndex else { return piece.text }
      return painter.paint(piece.text, ANSIPalette.fieldColor(index))
    }.joined()
  }

  private func trimTrailingSpaces(_ line: String) -> String {
    var line = Substring(line)
    while line.last == " " { line = line.dropLast() }
    return String(line)
  }
}
