import Testing

@testable import LearnchatLessons

@Suite struct HexDumpHTMLTests {
  static func count(_ needle: String, in text: String) -> Int {
    text.components(separatedBy: needle).count - 1
  }

  /// The part of the HTML inside `<pre class="hexdump">`.
  static func pre(_ html: String) -> String {
    let afterOpen = html.components(separatedBy: "<pre class=\"hexdump\">").dropFirst().first ?? ""
    return afterOpen.components(separatedBy: "</pre>").first ?? ""
  }

  @Test func asciiColumnIsEscaped() {
    let html = HexDumpHTMLRenderer().render(HexDump(bytes: Array("<a&b>\"".utf8)))
    #expect(Self.pre(html).contains("|&lt;a&amp;b&gt;&quot;|"))
    #expect(!Self.pre(html).contains("<a"))
  }

  @Test func titleNamesAndNotesAreEscaped() {
    let dump = HexDump(
      bytes: [1, 2], fields: [ByteField(name: "<b>", offset: 0, length: 2, note: "a & b")],
      title: "x < y")
    let html = HexDumpHTMLRenderer().render(dump)
    #expect(html.contains("<figcaption>x &lt; y</figcaption>"))
    #expect(html.contains("<span class=\"f0\">&lt;b&gt;</span>"))
    #expect(html.contains("<td>a &amp; b</td>"))
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
      rows[0].hasPrefix("00000000  <span class=\"f0\">00 00 00 2d</span> <span class=\"f1\">"))
  }

  @Test func bytesOutsideFieldsHaveNoSpan() {
    let dump = HexDump(
      bytes: [0x41, 0x42, 0x43], fields: [ByteField(name: "b", offset: 1, length: 1)])
    let pre = Self.pre(HexDumpHTMLRenderer().render(dump))
    #expect(pre.hasPrefix("00000000  41 <span class=\"f0\">42</span> 43 "))
    #expect(pre.contains("|A<span class=\"f0\">B</span>C|"))
  }

  @Test func handoutsAreNeverShortened() {
    let html = HexDumpHTMLRenderer().render(HexDumpFixtures.publicKeyPEM)
    #expect(!html.contains("more bytes"))
    #expect(Self.pre(html).split(separator: "\n").count == 29)
  }

  @Test func cssStylesEveryFieldClass() {
    for slot in 0..<ANSIPalette.fieldColors.count {
      #expect(HexDumpHTMLRenderer.css.contains(".hexdump .f\(slot)"))
    }
    #expect(HexDumpHTMLRenderer.css.contains("pre.hexdump"))
    #expect(HexDumpHTMLRenderer.css.contains("table.fields"))
  }
}
