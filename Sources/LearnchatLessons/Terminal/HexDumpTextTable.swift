/// The field table under a terminal dump: `field`, `offset`, `length`, `value`, aligned.
///
/// Names are painted in their field's colour, but the table is readable without colour, which is
/// how fields stay told apart when colour is off. Values that would run past the width wrap onto
/// lines indented to the value column.
struct HexDumpTextTable {
  let rows: [HexDumpFieldRow]
  let width: Int

  /// Below this many columns for values, wrapping would make a tall thin column that is harder
  /// to read than a line that overflows, so the value stays on one line.
  private static let narrowestWrap = 12

  func lines(painter: Painter) -> [String] {
    let nameWidth = max("field".count, rows.map(\.name.count).max() ?? 0)
    let offsetWidth = max("offset".count, rows.map { String($0.offset).count }.max() ?? 0)
    let lengthWidth = max("length".count, rows.map { String($0.length).count }.max() ?? 0)
    let valueColumn = nameWidth + 2 + offsetWidth + 2 + lengthWidth + 2
    var lines = [
      padRight("field", nameWidth) + "  " + padLeft("offset", offsetWidth) + "  "
        + padLeft("length", lengthWidth) + "  value"
    ]
    for row in rows {
      let name =
        painter.paint(row.name, ANSIPalette.fieldColor(row.index))
        + String(repeating: " ", count: nameWidth - row.name.count)
      let prefix =
        name + "  " + padLeft(String(row.offset), offsetWidth) + "  "
        + padLeft(String(row.length), lengthWidth) + "  "
      let chunks = wrap(row.value, available: width - valueColumn)
      lines.append(trimTrailingSpaces(prefix + chunks[0]))
      for chunk in chunks.dropFirst() {
        lines.append(String(repeating: " ", count: valueColumn) + chunk)
      }
    }
    return lines
  }

  /// `value` cut at spaces into lines of at most `available` characters (a word longer than
  /// that is cut inside), or left whole when it fits or there is too little room to wrap.
  private func wrap(_ value: String, available: Int) -> [String] {
    guard value.count > available, available >= HexDumpTextTable.narrowestWrap else {
      return [value]
    }
    var lines: [String] = []
    var current = ""
    for word in value.split(separator: " ", omittingEmptySubsequences: true) {
      var word = Substring(word)
      while word.count > available {
        if !current.isEmpty {
          lines.append(current)
          current = ""
        }
        lines.append(String(word.prefix(available)))
        word = word.dropFirst(available)
      }
      if current.isEmpty {
        current = String(word)
      } else if current.count + 1 + word.count <= available {
        current += " " + word
      } else {
        lines.append(current)
        current = String(word)
      }
    }
    if !current.isEmpty || lines.isEmpty { lines.append(current) }
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
