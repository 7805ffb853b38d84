import LearnchatWire

/// One line of a dump's field table, before it is laid out as text or HTML.
struct HexDumpFieldRow: Equatable {
  /// The field's place in `HexDump.fields`, which picks its colour.
  let index: Int
  let name: String
  let offset: Int
  let length: Int
  let value: String
}

extension HexDump {
  /// Values of at most this many bytes are shown whole in the field table; longer ones shortened.
  public static let fieldValueFullBytes = 16

  /// How the field table shows `field`: its note when it has one, else its bytes in hex.
  ///
  /// Hex longer than `fieldValueFullBytes` bytes is shortened to the first 8 and the last 4,
  /// around `…`: the start identifies a blob and the end is where a GCM tag would be, while the
  /// dump itself shows every byte.
  public func value(of field: ByteField) -> String {
    if let note = field.note { return note }
    let lower = min(max(0, field.range.lowerBound), bytes.count)
    let upper = min(max(lower, field.range.upperBound), bytes.count)
    let shown = bytes[lower..<upper]
    guard shown.count > HexDump.fieldValueFullBytes else {
      return Hex.string(shown, separator: " ")
    }
    return Hex.string(shown.prefix(8), separator: " ") + " … "
      + Hex.string(shown.suffix(4), separator: " ")
  }

  /// The field table's rows, in the order of `fields`.
  func fieldRows() -> [HexDumpFieldRow] {
    fields.enumerated().map { index, field in
      HexDumpFieldRow(
        index: index, name: field.name, offset: field.range.lowerBound,
        length: field.range.count, value: value(of: field))
    }
  }
}
