import LearnchatWire
import Testing

@testable import LearnchatLessons

@Suite struct HexDumpRendererTests {
  /// Removes SGR sequences, so coloured output can be compared with plain output.
  static func stripColor(_ text: String) -> String {
    var result = ""
    var scalars = text.unicodeScalars.makeIterator()
    while let scalar = scalars.next() {
      if scalar == "\u{1B}" {
        while let next = scalars.next(), next != "m" {}
      } else {
        result.unicodeScalars.append(scalar)
      }
    }
    return result
  }

  /// The dump rows of rendered text: lines starting with an 8-digit offset and a space (two
  /// where the width allows).
  static func rows(_ text: String) -> [Substring] {
    text.split(separator: "\n").filter { line in
      line.count > 10 && line.prefix(8).allSatisfy(\.isHexDigit)
        && line.dropFirst(8).hasPrefix(" ")
    }
  }

  /// The bytes a row shows, read from its hex column (which every row has, with or without
  /// its ASCII column).
  static func rowBytes(_ row: Substring) -> [UInt8] {
    let hex = row.dropFirst(8).prefix { $0 != "|" }
    return Hex.bytes(String(hex)) ?? []
  }

  /// How many bytes a row shows.
  static func byteCount(_ row: Substring) -> Int {
    rowBytes(row).count
  }

  static func bytes(_ count: Int) -> [UInt8] {
    (0..<count).map { UInt8(truncatingIfNeeded: $0 &* 7 &+ 3) }
  }

  @Test(arguments: [(1, 4), (28, 4), (29, 4), (44, 4), (45, 8), (77, 8), (78, 16), (200, 16)])
  func bytesPerRowFollowsWidth(width: Int, expected: Int) {
    #expect(HexDumpRenderer.bytesPerRow(forWidth: width) == expected)
  }

  @Test(arguments: [16, 8, 4])
  func fullRowsHaveTheAdvertisedWidth(bytesPerRow: Int) {
    let width = HexDumpRenderer.rowWidth(bytesPerRow: bytesPerRow)
    let text = HexDumpRenderer(colors: false, width: width, full: true)
      .render(HexDump(bytes: Self.bytes(bytesPerRow * 3 + 1)))
    let rows = Self.rows(text)
    #expect(rows.count == 4)
    for row in rows { #expect(row.count <= width) }
    #expect(rows[0].count == width)
    // The short last row is padded so its ASCII column starts where the others' do.
    #expect(
      rows[3].firstIndex(of: "|").map { rows[3].distance(from: rows[3].startIndex, to: $0) }
        == rows[0].firstIndex(of: "|").map { rows[0].distance(from: rows[0].startIndex, to: $0) })
  }

  @Test func everyWidthFromOneUpRendersEveryByte() {
    for width in 1...120 {
      for full in [false, true] {
        let text = HexDumpRenderer(colors: true, width: width, full: full)
          .render(HexDumpFixtures.messageFrame)
        let shown = Self.rows(Self.stripColor(text)).map(Self.byteCount).reduce(0, +)
        #expect(shown == 49, "width \(width)")
      }
    }
  }

  @Test func emptyDumpRendersNothing() {
    #expect(HexDumpRenderer(colors: true, width: 80, full: false).render(HexDump(bytes: [])) == "")
    #expect(
      HexDumpRenderer(colors: false, width: 80, full: false)
        .render(HexDump(bytes: [], title: "nothing")) == "nothing")
  }

  @Test func dumpsUpToTheLimitAreWhole() {
    let limit = HexDumpRenderer.maximumUntruncatedBytes
    let text = HexDumpRenderer(colors: false, width: 80, full: false)
      .render(HexDump(bytes: Self.bytes(limit)))
    #expect(!text.contains("more bytes"))
    #expect(Self.rows(text).count == limit / 16)
  }

  /// (byte count, width, omitted bytes), worked out by hand from 4 head rows and 2 tail rows.
  @Test(arguments: [
    (129, 80, 48), (451, 80, 368), (455, 80, 368), (1000, 80, 912), (451, 60, 360), (451, 40, 356),
  ])
  func truncationStatesWhatItLeavesOut(count: Int, width: Int, omitted: Int) {
    let bytes = Self.bytes(count)
    let text = HexDumpRenderer(colors: false, width: width, full: false)
      .render(HexDump(bytes: bytes))
    #expect(text.contains("... \(omitted) more bytes ..."))
    let rows = Self.rows(text)
    let shown = rows.map(Self.byteCount).reduce(0, +)
    #expect(shown + omitted == count)
    // The tail is kept: the last 16 bytes (where a GCM tag would be) are all shown.
    let lastRowHex = Hex.string(bytes.suffix(Self.byteCount(rows[rows.count - 1])), separator: " ")
    #expect(rows[rows.count - 1].contains(lastRowHex))
    #expect(shown - HexDumpRenderer.truncatedHeadBytes >= 16)
  }

  @Test func fullShowsEveryRow() {
    let text = HexDumpRenderer(colors: false, width: 80, full: true)
      .render(HexDump(bytes: Self.bytes(451)))
    #expect(!text.contains("more bytes"))
    #expect(Self.rows(text).map(Self.byteCount).reduce(0, +) == 451)
  }

  @Test func colourChangesNothingButEscapes() {
    for width in [80, 50, 40, 20] {
      for dump in [HexDumpFixtures.messageFrame, HexDumpFixtures.publicKeyPEM] {
        let plain = HexDumpRenderer(colors: false, width: width, full: false).render(dump)
        let colored = HexDumpRenderer(colors: true, width: width, full: false).render(dump)
        #expect(!plain.contains("\u{1B}"))
        #expect(colored.contains("\u{1B}["))
        #expect(Self.stripColor(colored) == plain)
      }
    }
  }

  @Test func bytesOutsideFieldsAreNotColoured() {
    let dump = HexDump(
      bytes: [0x41, 0x42, 0x43, 0x44], fields: [ByteField(name: "b", offset: 1, length: 2)])
    let text = HexDumpRenderer(colors: true, width: 80, full: false).render(dump)
    let row = String(Self.rows(text)[0])
    let yellow = ANSIPalette.start(.field0)
    let reset = ANSIPalette.reset
    #expect(row.hasPrefix("00000000  41 \(yellow)42 43\(reset) 44"))
    #expect(row.hasSuffix("|A\(yellow)BC\(reset)D|"))
  }

  @Test func fieldTableValues() {
    let bytes = Self.bytes(40)
    let dump = HexDump(
      bytes: bytes,
      fields: [
        ByteField(name: "len", offset: 0, length: 4, note: "36 (0x00000024)"),
        ByteField(name: "sixteen", offset: 4, length: 16),
        ByteField(name: "seventeen", offset: 20, length: 17),
        ByteField(name: "past end", offset: 37, length: 10),
      ])
    #expect(dump.value(of: dump.fields[0]) == "36 (0x00000024)")
    #expect(dump.value(of: dump.fields[1]) == Hex.string(bytes[4..<20], separator: " "))
    #expect(
      dump.value(of: dump.fields[2])
        == Hex.string(bytes[20..<28], separator: " ") + " … "
        + Hex.string(bytes[33..<37], separator: " "))
    #expect(dump.value(of: dump.fields[3]) == Hex.string(bytes[37..<40], separator: " "))

    let text = HexDumpRenderer(colors: false, width: 200, full: false).render(dump)
    let table = text.split(separator: "\n", omittingEmptySubsequences: false)
      .drop { !$0.hasPrefix("field") }
    #expect(
      Array(table) == [
        "field      offset  length  value",
        "len             0       4  36 (0x00000024)",
        "sixteen         4      16  \(dump.value(of: dump.fields[1]))",
        "seventeen      20      17  \(dump.value(of: dump.fields[2]))",
        "past end       37      10  \(dump.value(of: dump.fields[3]))",
      ])
  }

  @Test func narrowTablesWrapValuesUnderTheValueColumn() {
    let text = HexDumpRenderer(colors: false, width: 40, full: false)
      .render(HexDumpFixtures.messageFrame)
    let table = text.split(separator: "\n").drop { !$0.hasPrefix("field") }
    for line in table { #expect(line.count <= 40, "\(line)") }
    let header = String(table.first ?? "")
    let valueColumn = header.count - "value".count
    #expect(header.hasSuffix("value"))
    let continuations = table.filter { $0.hasPrefix(" ") }
    #expect(!continuations.isEmpty)
    for line in continuations {
      #expect(line.prefix { $0 == " " }.count == valueColumn)
    }
  }

  @Test func titleIsTheFirstLineAndPaintedAsAHeading() {
    let dump = HexDump(bytes: [1, 2, 3], title: "a → b")
    let plain = HexDumpRenderer(colors: false, width: 80, full: false).render(dump)
    let colored = HexDumpRenderer(colors: true, width: 80, full: false).render(dump)
    #expect(plain.hasPrefix("a → b\n00000000  01 02 03"))
    #expect(colored.hasPrefix(ANSIPalette.start(.heading) + "a → b" + ANSIPalette.reset + "\n"))
  }

  @Test func controlBytesNeverReachTheTerminal() {
    let dump = HexDump(bytes: Array("\u{1B}[2J\u{7}\r\nok".utf8))
    let text = HexDumpRenderer(colors: false, width: 80, full: false).render(dump)
    #expect(text.hasSuffix("|.[2J...ok|"))
    #expect(!text.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
  }
}
