import LearnchatWire

/// Consecutive bytes of one column of a row that belong to the same field (or to none), with
/// the spaces between them, so a renderer can colour each run with one span.
struct HexDumpPiece: Equatable {
  /// The field the bytes belong to, or nil for bytes outside every field and for the spaces
  /// between runs.
  var fieldIndex: Int?
  var text: String
}

/// One line of a dump's body: a row of bytes, or the note that stands for the rows left out.
enum HexDumpLine: Equatable {
  /// A row, its offset, its hex column (padded to full width) and its ASCII column.
  case row(offset: Int, hex: [HexDumpPiece], ascii: [HexDumpPiece])
  /// `byteCount` bytes left out between the head and the tail.
  case omitted(byteCount: Int)
}

/// Cuts a dump into rows laid out like `hexdump -C`, and decides which rows a short dump keeps.
///
/// Shared by the terminal and HTML renderers so both show the same rows and the same runs.
struct HexDumpLayout {
  let bytesPerRow: Int

  /// Bytes per group: `hexdump -C` puts an extra space after the 8th byte of a 16-byte row.
  private var groupSize: Int { bytesPerRow == 16 ? 8 : bytesPerRow }

  /// Characters in a full row's hex column: `xx` per byte, one space between bytes, and one
  /// more between groups.
  var hexColumnWidth: Int {
    bytesPerRow * 3 - 1 + (bytesPerRow / groupSize - 1)
  }

  /// The lines for `dump`: every row when `truncation` is nil, else, when the dump is longer
  /// than the truncation allows and at least two rows would be left out, the head and the tail
  /// around a note.
  func lines(for dump: HexDump, truncation: HexDumpRenderer.Truncation?) -> [HexDumpLine] {
    let fieldIndexes = dump.fieldIndexByOffset()
    let count = dump.bytes.count
    let rowCount = (count + bytesPerRow - 1) / bytesPerRow
    func row(_ index: Int) -> HexDumpLine {
      let start = index * bytesPerRow
      let end = min(start + bytesPerRow, count)
      return .row(
        offset: start,
        hex: hexPieces(dump.bytes, start..<end, fieldIndexes),
        ascii: asciiPieces(dump.bytes, start..<end, fieldIndexes))
    }
    guard let truncation, count > truncation.maximumUntruncatedBytes else {
      return (0..<rowCount).map(row)
    }
    let headRows = max(1, truncation.headBytes / bytesPerRow)
    let tailRows = max(1, truncation.tailBytes / bytesPerRow)
    // Leaving out a single row would only swap it for the note: show it instead.
    guard rowCount >= headRows + tailRows + 2 else {
      return (0..<rowCount).map(row)
    }
    let tailStart = rowCount - tailRows
    return (0..<headRows).map(row)
      + [.omitted(byteCount: (tailStart - headRows) * bytesPerRow)]
      + (tailStart..<rowCount).map(row)
  }

  private func hexPieces(
    _ bytes: [UInt8], _ range: Range<Int>, _ fieldIndexes: [Int?]
  ) -> [HexDumpPiece] {
    var pieces: [HexDumpPiece] = []
    for offset in range {
      let field = fieldIndexes[offset]
      let position = offset - range.lowerBound
      if position > 0 {
        let separator = position % groupSize == 0 ? "  " : " "
        // Spaces inside a run take the run's colour, so one span covers the whole run.
        let joinsRun = fieldIndexes[offset - 1] == field
        append(&pieces, joinsRun ? field : nil, separator)
      }
      append(&pieces, field, Hex.string(bytes[offset]))
    }
    let used = pieces.reduce(0) { $0 + $1.text.count }
    // A short last row is padded so its ASCII column lines up, as `hexdump -C` does.
    append(&pieces, nil, String(repeating: " ", count: hexColumnWidth - used))
    return pieces
  }

  private func asciiPieces(
    _ bytes: [UInt8], _ range: Range<Int>, _ fieldIndexes: [Int?]
  ) -> [HexDumpPiece] {
    var pieces: [HexDumpPiece] = []
    for offset in range {
      append(&pieces, fieldIndexes[offset], HexDumpLayout.asciiCharacter(bytes[offset]))
    }
    return pieces
  }

  /// The byte as itself when printable ASCII (0x20...0x7e), else `.`; so a peer's escape
  /// sequences never reach the terminal through a dump.
  static func asciiCharacter(_ byte: UInt8) -> String {
    (0x20...0x7e).contains(byte) ? String(UnicodeScalar(byte)) : "."
  }

  private func append(_ pieces: inout [HexDumpPiece], _ field: Int?, _ text: String) {
    guard !text.isEmpty else { return }
    if let last = pieces.indices.last, pieces[last].fieldIndex == field {
      pieces[last].text += text
    } else {
      pieces.append(HexDumpPiece(fieldIndex: field, text: text))
    }
  }

  /// The offset as `hexdump -C` writes it: at least 8 lower-case hex digits.
  static func offsetText(_ offset: Int) -> String {
    let digits = String(offset, radix: 16)
    return String(repeating: "0", count: max(0, 8 - digits.count)) + digits
  }
}
