/// The field table for narrow terminals: each field's name, offset and length on one line, its
/// value on the lines below, indented by 2.
///
/// ```
/// public key (PEM)  offset 4, length 451
///   451 bytes
/// ```
///
/// Used when the aligned table would leave its value column too narrow to read. The words
/// `offset` and `length` stand in for the column headings it has no room for. A name too long
/// for the line goes on lines of its own, and the offset and length follow, indented like the
/// value (on a line each when even that is too narrow).
struct HexDumpStackedTable {
  let rows: [HexDumpFieldRow]
  let width: Int

  func lines(painter: Painter) -> [String] {
    var lines: [String] = []
    for row in rows {
      let color = ANSIPalette.fieldColor(row.index)
      let place = "offset \(row.offset), length \(row.length)"
      let nameWidth = DisplayColumns.of(row.name)
      if nameWidth + 2 + place.count <= width {
        lines.append(painter.paint(row.name, color) + "  " + place)
      } else {
        lines += PlainTextWrapper.wrap(row.name, width: width).map { painter.paint($0, color) }
        // Offset and length on one line when they fit under the name, else one each.
        let parts =
          2 + place.count <= width ? [place] : ["offset \(row.offset)", "length \(row.length)"]
        lines += parts.flatMap(indented)
      }
      lines += indented(row.value)
    }
    return lines
  }

  /// `text` wrapped to the width less 2 and indented by 2; empty text gives no line.
  private func indented(_ text: String) -> [String] {
    guard !text.isEmpty else { return [] }
    return PlainTextWrapper.wrap(text, width: width - 2).map { "  " + $0 }
  }
}
