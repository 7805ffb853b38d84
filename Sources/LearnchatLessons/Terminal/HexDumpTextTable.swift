/// The field table under a terminal dump: `field`, `offset`, `length`, `value`, aligned.
///
/// Names are painted in their field's colour, but the table is readable without colour, which is
/// how fields stay told apart when colour is off. Values that would run past the width wrap onto
/// lines indented to the value column. When that column would be narrower than
/// `narrowestValueColumn`, the table is stacked instead (see `HexDumpStackedTable`).
struct HexDumpTextTable {
  let rows: [HexDumpFieldRow]
  let width: Int

  /// Below this many columns for values, wrapping would make a tall thin column of two or three
  /// hex bytes a line, so the table is stacked instead.
  static let narrowestValueColumn = 12

  func lines(painter: Painter) -> [String] {
    let nameWidth = max("field".count, rows.map { DisplayColumns.of($0.name) }.max() ?? 0)
    let offsetWidth = max("offset".count, rows.map { String($0.offset).count }.max() ?? 0)
    let lengthWidth = max("length".count, rows.map { String($0.length).count }.max() ?? 0)
    let valueColumn = nameWidth + 2 + offsetWidth + 2 + lengthWidth + 2
    guard width - valueColumn >= Self.narrowestValueColumn else {
      return HexDumpStackedTable(rows: rows, width: width).lines(painter: painter)
    }
    var lines = [
      padRight("field", nameWidth) + "  " + padLeft("offset", offsetWidth) + "  "
        + padLeft("length", lengthWidth) + "  value"
    ]
    for row in rows {
      let name =
        painter.paint(row.name, ANSIPalette.fieldColor(row.index))
        + String(repeating: " ", count: nameWidth - DisplayColumns.of(row.name))
      let prefix =
        name + "  " + padLeft(String(row.offset), offsetWidth) + "  "
        + padLeft(String(row.length), lengthWidth) + "  "
      let chunks = PlainTextWrapper.wrap(row.value, width: width - valueColumn)
      lines.append(trimTrailingSpaces(prefix + chunks[0]))
      for chunk in chunks.dropFirst() {
        lines.append(String(repeating: " ", count: valueColumn) + chunk)
      }
    }
    return lines
  }

  private func padRight(_ text: String, _ width: Int) -> String {
    text + String(repeating: " ", count: max(0, width - text.count))
  }

  private func padLeft(_ text: String, _ width: Int) -> String {
    String(repeating: " ", count: max(0, width - text.count)) + text
  }

  private func trimTrailingSpaces(_ line: String) -> String {
    var line = Substring(line)
    while line.last == " " { line = line.dropLast() }
    return String(line)
  }
}
