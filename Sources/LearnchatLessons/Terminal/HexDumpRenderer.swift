/// Renders a `HexDump` for the terminal: rows laid out like `hexdump -C`, then a field table.
///
/// Differences from `hexdump -C`, on purpose:
/// - no final line holding the total length: the dump ends with its last row, and the title and
///   field table already say how long things are;
/// - repeated rows are never squeezed into `*` (as with `hexdump -C -v`), because every byte may
///   be the one a lesson talks about;
/// - narrow widths get 8 or 4 bytes per row, and long dumps are shortened unless `full` is set.
public struct HexDumpRenderer: Sendable {
  /// Dumps of more bytes than this are shortened to a head and a tail, unless `full` is set.
  public static let maximumUntruncatedBytes = 128
  /// How many bytes a shortened dump keeps from its start (4 rows of 16).
  public static let truncatedHeadBytes = 64
  /// How many bytes a shortened dump keeps from its end (2 rows of 16, more if the last row is
  /// short), because a GCM tag sits at the end of a frame.
  public static let truncatedTailBytes = 32

  /// Whether bytes, field names and the title are coloured.
  public let colors: Bool
  /// The columns to fit: it chooses 16, 8 or 4 bytes per row and wraps the field table's values.
  public let width: Int
  /// Whether to show every row of a long dump.
  public let full: Bool

  /// A renderer colouring when `colors` is set, fitting `width` columns (any width of 1 or more
  /// works; a row that cannot fit overflows), showing every row when `full` is set.
  public init(colors: Bool, width: Int, full: Bool = false) {
    self.colors = colors
    self.width = max(1, width)
    self.full = full
  }

  /// A renderer following `settings`.
  public init(settings: TerminalSettings, full: Bool = false) {
    self.init(colors: settings.colors, width: settings.width, full: full)
  }

  /// 16 bytes per row when a full `hexdump -C` row (78 columns) fits in `width`, else 8 when
  /// such a row (45 columns) fits, else 4.
  public static func bytesPerRow(forWidth width: Int) -> Int {
    if width >= rowWidth(bytesPerRow: 16) { return 16 }
    if width >= rowWidth(bytesPerRow: 8) { return 8 }
    return 4
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
    let painter = Painter(enabled: colors)
    var lines: [String] = []
    if let title = dump.title { lines.append(painter.paint(title, .heading)) }
    let layout = HexDumpLayout(bytesPerRow: HexDumpRenderer.bytesPerRow(forWidth: width))
    for line in layout.lines(for: dump, truncate: !full) {
      switch line {
      case .row(let offset, let hex, let ascii):
        lines.append(
          HexDumpLayout.offsetText(offset) + "  " + paint(hex, painter) + "  |"
            + paint(ascii, painter) + "|")
      case .omitted(let byteCount):
        let noun = byteCount == 1 ? "byte" : "bytes"
        lines.append(
          String(repeating: " ", count: 10)
            + painter.paint("... \(byteCount) more \(noun) ...", .muted))
      }
    }
    let rows = dump.fieldRows()
    if !rows.isEmpty {
      lines.append("")
      lines += HexDumpTextTable(rows: rows, width: width).lines(painter: painter)
    }
    return lines.joined(separator: "\n")
  }

  private func paint(_ pieces: [HexDumpPiece], _ painter: Painter) -> String {
    pieces.map { piece in
      guard let index = piece.fieldIndex else { return piece.text }
      return painter.paint(piece.text, ANSIPalette.fieldColor(index))
    }.joined()
  }
}
