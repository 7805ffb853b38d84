import LearnchatTestSupport
import Testing

@testable import LearnchatLessons

/// Random dumps (sizes, fields, names, notes, titles) at random widths from 20 to 200: no line
/// is wider than the width, with or without colour, and nothing is lost.
@Suite struct HexDumpWidthPropertyTests {
  struct Case {
    let dump: HexDump
    let width: Int
    let full: Bool
    let theme: Theme
    let truncation: HexDumpRenderer.Truncation
  }

  /// Words for names, notes and titles: short ones, wide ones, and some longer than a line.
  static let words = [
    "length", "nonce", "tag", "public", "key", "(PEM)", "→", "漢字", "Grüße", "👋", "bytes",
    "big-endian)", "(0x000001c3,", "SubjectPublicKeyInfo,", "rsaEncryption",
    "(1.2.840.113549.1.1.1),", String(repeating: "ff", count: 60), "https://example.com/a/b/c/d/e",
  ]

  static func text(_ random: inout SeededRandom, words count: ClosedRange<Int>) -> String {
    // Titles and names start with a letter that is not a hex digit, so that no line of text
    // can pass for a row of bytes.
    "z"
      + (0..<Int.random(in: count, using: &random)).map { _ in random.pick(words) }
      .joined(separator: " ")
  }

  static func randomCase(seed: Int) -> Case {
    var random = SeededRandom(seed: UInt64(seed) &* 0x2545_F491_4F6C_DD1D)
    let count = random.pick([0, 1, 15, 49, 128, 129, 455, Int.random(in: 0...2000, using: &random)])
    let bytes = (0..<count).map { _ in UInt8.random(in: 0...255, using: &random) }
    let fields = (0..<Int.random(in: 0...6, using: &random)).map { _ in
      let offset = Int.random(in: 0...max(0, count), using: &random)
      return ByteField(
        name: text(&random, words: 0...4), offset: offset,
        length: Int.random(in: 0...(count + 20), using: &random),
        note: random.oneIn(2) ? text(&random, words: 1...12) : nil)
    }
    return Case(
      dump: HexDump(
        bytes: bytes, fields: fields,
        title: random.oneIn(4) ? nil : text(&random, words: 1...14)),
      width: Int.random(in: 20...200, using: &random), full: random.oneIn(3),
      theme: random.pick(Theme.allCases),
      truncation: random.pick([.standard, .compact]))
  }

  static func render(_ item: Case, colors: Bool) -> String {
    HexDumpRenderer(
      colors: colors, width: item.width, full: item.full, theme: item.theme,
      truncation: item.truncation
    ).render(item.dump)
  }

  @Test(arguments: 0..<300)
  func linesFitTheWidth(seed: Int) {
    let item = Self.randomCase(seed: seed)
    for colors in [false, true] {
      let text = Self.render(item, colors: colors)
      for line in text.split(separator: "\n") {
        let visible = MarkdownTerminalText.strippingSGR(line)
        #expect(
          DisplayColumns.of(visible) <= item.width,
          "seed \(seed), width \(item.width): \(visible)")
      }
    }
  }

  /// The title, every field's name and value, and the bytes (each at its offset, the rows
  /// left out counted in the note) are all there.
  @Test(arguments: 0..<300)
  func nothingIsLost(seed: Int) throws {
    let item = Self.randomCase(seed: seed)
    let text = MarkdownTerminalText.strippingSGR(Self.render(item, colors: true))
    let dump = item.dump
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    let body = lines.prefix { !$0.isEmpty }
    let rows = HexDumpRendererTests.rows(body.joined(separator: "\n"))
    var shown = 0
    for row in rows {
      let offset = try #require(Int(row.prefix(8), radix: 16))
      let rowBytes = HexDumpRendererTests.rowBytes(row)
      #expect(Array(dump.bytes[offset..<(offset + rowBytes.count)]) == rowBytes, "seed \(seed)")
      shown += rowBytes.count
    }
    let omitted =
      body.joined(separator: " ").firstMatch(of: #/\.\.\. (\d+) more/#)
      .flatMap { Int($0.1) } ?? 0
    #expect(shown + omitted == dump.bytes.count, "seed \(seed)")
    #expect(item.full ? omitted == 0 : true)

    func squeezed<S: StringProtocol>(_ text: S) -> String {
      String(text.filter { !$0.isWhitespace })
    }
    let all = squeezed(text)
    var position = all.startIndex
    var expected = dump.title.map { [$0] } ?? []
    for field in dump.fields { expected += [field.name, dump.value(of: field)] }
    for fragment in expected.map(squeezed) where !fragment.isEmpty {
      guard let found = all[position...].firstRange(of: fragment) else {
        Issue.record("seed \(seed), width \(item.width): \(fragment) is missing")
        return
      }
      position = found.upperBound
    }
  }
}
