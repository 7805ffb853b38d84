import Testing

@testable import LearnchatLessons

/// Whole rendered dumps compared with files under `Fixtures/hexdump`.
///
/// Set `LEARNCHAT_UPDATE_FIXTURES=1` to rewrite them, then read the diff before committing.
@Suite struct HexDumpGoldenTests {
  @Test(arguments: [(80, false), (80, true), (40, false), (40, true), (28, false), (20, false)])
  func messageFrame(width: Int, colors: Bool) throws {
    let text = HexDumpRenderer(colors: colors, width: width, full: false)
      .render(HexDumpFixtures.messageFrame)
    let name = "message-frame-w\(width)-\(colors ? "color" : "plain").txt"
    try HexDumpFixtures.expectMatches(text + "\n", fixture: name)
  }

  @Test(arguments: [Theme.light, .highContrast])
  func messageFrameThemed(theme: Theme) throws {
    let text = HexDumpRenderer(colors: true, width: 80, theme: theme)
      .render(HexDumpFixtures.messageFrame)
    try HexDumpFixtures.expectMatches(
      text + "\n", fixture: "message-frame-w80-\(theme.rawValue).txt")
  }

  @Test func publicKeyPEMNarrow() throws {
    let text = HexDumpRenderer(colors: false, width: 30).render(HexDumpFixtures.publicKeyPEM)
    try HexDumpFixtures.expectMatches(text + "\n", fixture: "public-key-pem-w30-plain.txt")
  }

  @Test func publicKeyPEMCompact() throws {
    let text = HexDumpRenderer(colors: false, width: 80, truncation: .compact)
      .render(HexDumpFixtures.publicKeyPEM)
    try HexDumpFixtures.expectMatches(text + "\n", fixture: "public-key-pem-w80-compact.txt")
  }

  @Test(arguments: [false, true])
  func publicKeyPEM(full: Bool) throws {
    let dump = HexDumpFixtures.publicKeyPEM
    #expect(dump.bytes.count == 451)
    let text = HexDumpRenderer(colors: false, width: 80, full: full).render(dump)
    let name = "public-key-pem-w80-\(full ? "full" : "truncated").txt"
    try HexDumpFixtures.expectMatches(text + "\n", fixture: name)
  }

  @Test func publicKeyPEMTruncatedInColor() throws {
    let text = HexDumpRenderer(colors: true, width: 80, full: false)
      .render(HexDumpFixtures.publicKeyPEM)
    try HexDumpFixtures.expectMatches(text + "\n", fixture: "public-key-pem-w80-color.txt")
  }

  @Test func messageFrameHTML() throws {
    let html = HexDumpHTMLRenderer().render(HexDumpFixtures.messageFrame)
    try HexDumpFixtures.expectMatches(html, fixture: "message-frame.html")
  }
}
