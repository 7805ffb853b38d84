import Foundation
import Testing

@testable import LearnchatLessons

@Suite struct HexDumpHTMLTests {
  static func count(_ needle: String, in text: String) -> Int {
    text.components(separatedBy: needle).count - 1
  }

  /// The part of the HTML inside the `<pre class="hexdump">` of the layout with `bytesPerRow`.
  static func pre(_ html: String, bytesPerRow: Int = 16) -> String {
    let open = "<pre class=\"hexdump\" data-row-bytes=\"\(bytesPerRow)\">"
    let afterOpen = html.components(separatedBy: open).dropFirst().first ?? ""
    return afterOpen.components(separatedBy: "</pre>").first ?? ""
  }

  /// `html` as the browser shows it: tags dropped, the four entities `escape` writes read back.
  static func text(_ html: String) -> String {
    var text = ""
    var inTag = false
    for character in html {
      if character == "<" {
        inTag = true
      } else if character == ">" && inTag {
        inTag = false
      } else if !inTag {
        text.append(character)
      }
    }
    return text.replacingOccurrences(of: "&lt;", with: "<")
      .replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&quot;", with: "\"")
      .replacingOccurrences(of: "&amp;", with: "&")
  }

  /// `hexdump -C` rows (16 bytes each) cut in two: what the 8-byte layout must show, offsets,
  /// padding and text column included.
  static func halved(_ rows: String) -> String {
    var result = ""
    for line in rows.split(separator: "\n") {
      let characters = Array(line)
      let offset = Int(String(characters[0..<8]), radix: 16) ?? -1
      let hex = String(characters[10..<58])
      let ascii = Array(characters[61..<(characters.count - 1)])
      let halves = [
        (offset, String(hex.prefix(23)), String(ascii.prefix(8))),
        (offset + 8, String(hex.dropFirst(25)), String(ascii.dropFirst(8))),
      ]
      for (start, bytes, text) in halves where !text.isEmpty {
        let padded = bytes + String(repeating: " ", count: 23 - bytes.count)
        result += HexDumpLayout.offsetText(start) + "  " + padded + "  |" + text + "|\n"
      }
    }
    return result
  }

  @Test func asciiColumnIsEscaped() {
    let html = HexDumpHTMLRenderer().render(HexDump(bytes: Array("<a&b>\"".utf8)))
    for bytesPerRow in [16, 8] {
      let pre = Self.pre(html, bytesPerRow: bytesPerRow)
      #expect(pre.contains("|&lt;a&amp;b&gt;&quot;|"))
      #expect(!pre.contains("<a"))
    }
  }

  @Test func titleNamesAndNotesAreEscaped() {
    let dump = HexDump(
      bytes: [1, 2], fields: [ByteField(name: "<b>", offset: 0, length: 2, note: "a & b")],
      title: "x < y")
    let html = HexDumpHTMLRenderer().render(dump)
    #expect(html.contains("<figcaption>x &lt; y</figcaption>"))
    #expect(html.contains("<span class=\"f0\">&lt;b&gt;</span>"))
    #expect(html.contains("<td>a &amp; b</td>"))
    #expect(!html.contains("<b>"))
  }

  /// Both layouts against the real `hexdump -C` rows checked in for the comparison tests: the
  /// 16-byte one as they are, the 8-byte one as they are when cut in two.
  @Test(arguments: HexDumpHexdumpComparisonTests.inputs.map(\.name))
  func bothLayoutsMatchHexdump(name: String) throws {
    let bytes = try #require(HexDumpHexdumpComparisonTests.inputs.first { $0.name == name }).bytes
    let rows = try #require(HexDumpFixtures.read("hexdump-C-\(name).txt"))
    let html = HexDumpHTMLRenderer().render(HexDump(bytes: bytes))
    #expect(Self.text(Self.pre(html, bytesPerRow: 16)) == rows)
    #expect(Self.text(Self.pre(html, bytesPerRow: 8)) == Self.halved(rows))
  }

  @Test func eightByteRowsStepByEight() {
    let pre = Self.pre(HexDumpHTMLRenderer().render(HexDumpFixtures.messageFrame), bytesPerRow: 8)
    let offsets = Self.text(pre).split(separator: "\n").map { String($0.prefix(8)) }
    #expect(offsets == (0..<7).map { HexDumpLayout.offsetText($0 * 8) })
  }

  /// The message frame's rows hold these runs (hex and ASCII column each): row 0 length and
  /// nonce, row 1 ciphertext, row 2 the last ciphertext byte and most of the tag, row 3 the
  /// tag's last byte.
  @Test func oneSpanPerFieldRun() {
    let pre = Self.pre(HexDumpHTMLRenderer().render(HexDumpFixtures.messageFrame))
    let rows = pre.split(separator: "\n")
    #expect(rows.count == 4)
    let spansPerRow = rows.map { Self.count("<span", in: String($0)) }
    #expect(spansPerRow == [4, 2, 4, 2])
    #expect(Self.count("</span>", in: pre) == 12)
    // Runs are maximal: a span never ends only for the next one of the same field to start.
    for row in rows {
      let parts = row.components(separatedBy: "<span class=\"").dropFirst()
      for (this, next) in zip(parts, parts.dropFirst()) {
        let between = this.components(separatedBy: "</span>").last ?? ""
        let sameClass = this.prefix { $0 != "\"" } == next.prefix { $0 != "\"" }
        #expect(!(sameClass && between.allSatisfy { $0 == " " }), "\(row)")
      }
    }
    #expect(
      rows[0].hasPrefix(
        "00000000  <span class=\"f0\" data-field=\"0\" tabindex=\"0\">00 00 00 2d</span> "
          + "<span class=\"f1\" data-field=\"1\" tabindex=\"0\">"))
  }

  @Test func bytesOutsideFieldsHaveNoSpan() {
    let dump = HexDump(
      bytes: [0x41, 0x42, 0x43], fields: [ByteField(name: "b", offset: 1, length: 1)])
    let pre = Self.pre(HexDumpHTMLRenderer().render(dump))
    #expect(
      pre.hasPrefix("00000000  41 <span class=\"f0\" data-field=\"0\" tabindex=\"0\">42</span> 43 ")
    )
    #expect(pre.contains("|A<span class=\"f0\" data-field=\"0\" tabindex=\"-1\">B</span>C|"))
  }

  /// Field 9 takes colour slot 1, like field 1, but keeps its own number, so hovering one
  /// never lights up the other.
  @Test func dataFieldIsTheFieldNotItsColour() {
    let fields = (0..<10).map { ByteField(name: "field \($0)", offset: $0, length: 1) }
    let html = HexDumpHTMLRenderer().render(HexDump(bytes: Array(0..<10), fields: fields))
    #expect(Self.pre(html).contains("<span class=\"f1\" data-field=\"9\" tabindex=\"0\">09</span>"))
    for index in 0..<10 {
      #expect(html.contains("<tr data-field=\"\(index)\" tabindex=\"0\">"))
      // In each layout: one run of the field in the tab order, as in the hex column.
      for bytesPerRow in [16, 8] {
        let pre = Self.pre(html, bytesPerRow: bytesPerRow)
        #expect(Self.count("data-field=\"\(index)\" tabindex=\"0\"", in: pre) == 1)
        #expect(Self.count("data-field=\"\(index)\" tabindex=\"-1\"", in: pre) == 1)
      }
    }
  }

  /// A part listed before its whole takes its bytes; the whole's row names it in `data-parts`
  /// so hovering the whole lights the part's bytes too.
  @Test func wholeFieldRowsNameTheirParts() {
    let dump = HexDump(
      bytes: Array(0..<12),
      fields: [
        ByteField(name: "nonce", offset: 4, length: 4),
        ByteField(name: "other", offset: 10, length: 2),
        ByteField(name: "body", offset: 2, length: 8),
      ])
    let html = HexDumpHTMLRenderer().render(dump)
    #expect(html.contains("<tr data-field=\"0\" tabindex=\"0\">"))
    #expect(html.contains("<tr data-field=\"2\" data-parts=\"0\" tabindex=\"0\">"))
    #expect(HexDumpHTMLRenderer.parts(of: 2, in: dump.fields) == [0])
    #expect(HexDumpHTMLRenderer.parts(of: 1, in: dump.fields) == [])
  }

  @Test func handoutsAreNeverShortened() {
    let html = HexDumpHTMLRenderer().render(HexDumpFixtures.publicKeyPEM)
    #expect(!html.contains("more bytes"))
    #expect(Self.pre(html).split(separator: "\n").count == 29)
    #expect(Self.pre(html, bytesPerRow: 8).split(separator: "\n").count == 57)
  }

  @Test func cssStylesEveryFieldClassAndSwitchesLayouts() {
    for slot in 0..<ANSIPalette.fieldColors.count {
      #expect(HexDumpHTMLRenderer.css.contains(".hexdump .f\(slot)"))
      #expect(HexDumpHTMLRenderer.css.contains("var(--f\(slot))"))
    }
    #expect(HexDumpHTMLRenderer.css.contains("pre.hexdump"))
    #expect(HexDumpHTMLRenderer.css.contains("table.fields"))
    // 78 columns of `hexdump -C`, and 1.5 of padding on each side.
    #expect(HexDumpHTMLRenderer.css.contains("@container (width < 81.0ch)"))
    #expect(HexDumpHTMLRenderer.css.contains(".hl"))
  }
}
