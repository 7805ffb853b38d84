import Testing

@testable import LearnchatLessons

/// Dumps at narrow widths: the ASCII column and the offset's second space give way, the title
/// wraps under a hanging indent, the field table stacks, and projectors shorten more.
@Suite struct HexDumpNarrowTests {
  static func render(_ dump: HexDump, width: Int, colors: Bool = false) -> String {
    HexDumpRenderer(colors: colors, width: width, full: false).render(dump)
  }

  static func lines(_ text: String) -> [String] {
    text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
  }

  @Test func asciiColumnNeeds29Columns() {
    let dump = HexDump(bytes: Array("abcdefgh".utf8))
    #expect(HexDumpRenderer.showsASCIIColumn(forWidth: 29))
    #expect(!HexDumpRenderer.showsASCIIColumn(forWidth: 28))
    #expect(HexDumpRenderer.showsASCIIColumn(forWidth: 45))
    #expect(
      Self.render(dump, width: 29) == "00000000  61 62 63 64  |abcd|\n00000004  65 66 67 68  |efgh|"
    )
    #expect(Self.render(dump, width: 28) == "00000000  61 62 63 64\n00000004  65 66 67 68")
    #expect(Self.render(dump, width: 21) == "00000000  61 62 63 64\n00000004  65 66 67 68")
    // At 20 columns a row of 4 bytes fits only with one space after the offset.
    #expect(Self.render(dump, width: 20) == "00000000 61 62 63 64\n00000004 65 66 67 68")
  }

  @Test func aShortLastRowHasNoTrailingSpacesWithoutItsASCIIColumn() {
    let text = Self.render(HexDump(bytes: [1, 2, 3, 4, 5]), width: 24)
    #expect(text == "00000000  01 02 03 04\n00000004  05")
  }

  @Test func titlesWrapUnderAHangingIndent() {
    let dump = HexDump(
      bytes: [0], title: "client → server: wrapped-key frame (260 bytes; arrived in one read)")
    let lines = Self.lines(Self.render(dump, width: 30))
    #expect(
      lines == [
        "client → server: wrapped-key", "  frame (260 bytes; arrived in", "  one read)",
        "00000000  00           |.|",
      ])
    let colored = Self.lines(Self.render(dump, width: 30, colors: true))
    // The indent stays outside the colour, each line painted on its own.
    #expect(
      colored[1] == "  " + ANSIPalette.start(.heading) + "frame (260 bytes; arrived in"
        + ANSIPalette.reset)
  }

  @Test func aWordLongerThanTheTitleLineIsCut() {
    let dump = HexDump(bytes: [], title: "key " + String(repeating: "ab", count: 20))
    #expect(
      Self.lines(Self.render(dump, width: 20))
        == ["key", "  ababababababababab", "  ababababababababab", "  abab"])
  }

  /// With names as long as the public-key frame's, 40 columns leave the value column 6
  /// columns wide: the table stacks instead.
  @Test func narrowTablesStack() {
    let dump = HexDump(
      bytes: Array(repeating: 0x2d, count: 455),
      fields: [
        ByteField(
          name: "length", offset: 0, length: 4, note: "451 bytes follow (0x000001c3, big-endian)"),
        ByteField(name: "public key (PEM)", offset: 4, length: 451, note: "451 bytes"),
      ])
    let text = Self.render(dump, width: 40)
    let table = Self.lines(text).drop { !$0.isEmpty }.dropFirst()
    #expect(
      Array(table) == [
        "length  offset 0, length 4",
        "  451 bytes follow (0x000001c3,",
        "  big-endian)",
        "public key (PEM)  offset 4, length 451",
        "  451 bytes",
      ])
    // Wider, the same table is aligned in columns again.
    #expect(Self.render(dump, width: 60).contains("\nfield             offset  length  value\n"))
  }

  @Test func stackedNamesTooLongForTheLineGoAboveTheirPlace() {
    let dump = HexDump(
      bytes: [1, 2, 3, 4],
      fields: [ByteField(name: "a field name of some length", offset: 0, length: 4)])
    let table = Self.lines(Self.render(dump, width: 20)).drop { !$0.isEmpty }.dropFirst()
    #expect(
      Array(table) == [
        "a field name of some", "length", "  offset 0, length 4", "  01 02 03 04",
      ])
  }

  @Test func theOmittedNoteFitsNarrowWidths() {
    let text = Self.render(HexDump(bytes: Array(repeating: 7, count: 100_000)), width: 20)
    // 16 rows of 4 bytes, the note, 8 rows: the note wraps rather than overflow.
    #expect(Array(Self.lines(text)[16...17]) == ["... 99904 more bytes", "..."])
    for line in Self.lines(text) { #expect(DisplayColumns.of(line) <= 20, "\(line)") }
  }

  @Test func compactTruncationKeepsLess() {
    let bytes = (0..<200).map { UInt8(truncatingIfNeeded: $0) }
    let standard = HexDumpRenderer(colors: false, width: 80).render(HexDump(bytes: bytes))
    let compact = HexDumpRenderer(colors: false, width: 80, truncation: .compact)
      .render(HexDump(bytes: bytes))
    // 13 rows: standard keeps 4 and 2, compact 2 and 2.
    #expect(standard.contains("... 112 more bytes ..."))
    #expect(compact.contains("... 144 more bytes ..."))
    #expect(HexDumpRendererTests.rows(compact).count == 4)
    #expect(
      compact.hasSuffix("000000c0  c0 c1 c2 c3 c4 c5 c6 c7                           |........|"))
    // A short message's frame (up to 80 bytes) is shown whole.
    let frame = HexDumpRenderer(colors: false, width: 80, truncation: .compact)
      .render(HexDumpFixtures.messageFrame)
    #expect(!frame.contains("more bytes"))
    #expect(
      HexDumpRenderer(colors: false, width: 80, full: true, truncation: .compact)
        .render(HexDump(bytes: bytes))
        == HexDumpRenderer(colors: false, width: 80, full: true)
        .render(HexDump(bytes: bytes)))
  }

  @Test func theRendererTakesItsThemeFromSettings() {
    let settings = TerminalSettings(colors: true, width: 80, theme: .light)
    let dump = HexDump(bytes: [1], fields: [ByteField(name: "one", offset: 0, length: 1)])
    let text = HexDumpRenderer(settings: settings).render(dump)
    #expect(text.contains(ANSIPalette.start(.field0, theme: .light) + "01" + ANSIPalette.reset))
    #expect(!text.contains(ANSIPalette.start(.field0, theme: .dark)))
  }
}
